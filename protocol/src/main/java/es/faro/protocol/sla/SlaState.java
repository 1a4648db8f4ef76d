package es.faro.protocol.sla;

/** OK, WARNING (past the warn instant) and BREACHED (past due) for running clocks; MET or MISSED once stopped. */
public enum SlaState {
    OK, WARNING, BREACHED, MET, MISSED;

    public boolean isRunning() {
        return this == OK || this == WARNING || this == BREACHED;
    }
}
