/** Low-back-pain conditions: onset, severity and structural causes that shape a care plan. */
package app.lumbra.condition;
