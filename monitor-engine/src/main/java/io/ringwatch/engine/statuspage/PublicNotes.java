package io.ringwatch.engine.statuspage;

/** How much of what people wrote about an incident the status page shows to whoever opens it. */
public enum PublicNotes {
    /** Who acknowledged it, and every reply, note and annotation with its author: the default. */
    ALL,
    /** Only who acknowledged it, and what they wrote with the acknowledgement. */
    ACKNOWLEDGEMENTS,
    /** Only that it was acknowledged, and when: no names, no words. */
    NONE
}
