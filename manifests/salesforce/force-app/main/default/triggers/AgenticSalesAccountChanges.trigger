/**
 * Account change events (delivered asynchronously after commit) to Agentic Sales: see
 * AgenticSalesCallout.enqueueChanges.
 */
trigger AgenticSalesAccountChanges on AccountChangeEvent (after insert) {
    List<EventBus.ChangeEventHeader> headers = new List<EventBus.ChangeEventHeader>();
    for (AccountChangeEvent ev : Trigger.new) {
        headers.add(ev.ChangeEventHeader);
    }
    AgenticSalesCallout.enqueueChanges(headers);
}
