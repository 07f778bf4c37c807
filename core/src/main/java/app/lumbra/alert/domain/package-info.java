/** The stored alert and its acknowledgement (SAFE-4). */
package app.lumbra.alert.domain;
