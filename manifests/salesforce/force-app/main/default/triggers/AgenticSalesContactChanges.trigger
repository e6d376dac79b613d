/**
 * Contact change events (delivered asynchronously after commit) to Agentic Sales: see
 * AgenticSalesCallout.enqueueChanges.
 */
trigger AgenticSalesContactChanges on ContactChangeEvent (after insert) {
    List<EventBus.ChangeEventHeader> headers = new List<EventBus.ChangeEventHeader>();
    for (ContactChangeEvent ev : Trigger.new) {
        headers.add(ev.ChangeEventHeader);
    }
    AgenticSalesCallout.enqueueChanges(headers);
}
