/**
 * The patient's clinical context: records partners send that are not about low-back pain (other
 * problems, vital signs, questionnaires), kept whole as opaque documents and searchable by the
 * values exchange partners search by, so that nothing sent is lost and Lumbra's rules apply only to
 * what it understands.
 */
package app.lumbra.context;
