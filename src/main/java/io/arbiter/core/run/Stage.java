package io.arbiter.core.run;

/** The two passes of a run: the model under test, then the judge over its answers. */
public enum Stage {
    BASE,
    JUDGE
}
