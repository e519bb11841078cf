package io.atc.console.retention;

/**
 * What the retention page shows: which page of holds (active or all) and of runs, a notice or an error,
 * and the forms as typed when one was refused.
 */
record Overview(
        boolean allHolds,
        String holdsAfter,
        String runsAfter,
        String notice,
        String error,
        DaysForm defaultsTyped,
        HoldForm holdTyped) {

    static final int RUNS_PER_PAGE = 20;
    static final int HOLDS_PER_PAGE = 50;

    static Overview first() {
        return new Overview(false, "", "", null, null, null, HoldForm.EMPTY);
    }

    Overview refusedDefaults(String problem, DaysForm typed) {
        return new Overview(allHolds, holdsAfter, runsAfter, null, problem, typed, holdTyped);
    }

    Overview refusedHold(String problem, HoldForm typed) {
        return new Overview(allHolds, holdsAfter, runsAfter, null, problem, defaultsTyped, typed);
    }

    Overview failed(String problem) {
        return new Overview(allHolds, holdsAfter, runsAfter, null, problem, defaultsTyped, holdTyped);
    }

    String holdsPath() {
        return "/v1/retention/holds?limit=" + HOLDS_PER_PAGE + (allHolds ? "&state=all" : "")
                + (holdsAfter.isEmpty() ? "" : "&after=" + holdsAfter);
    }

    String runsPath() {
        return "/v1/retention/runs?limit=" + RUNS_PER_PAGE + (runsAfter.isEmpty() ? "" : "&after=" + runsAfter);
    }
}
