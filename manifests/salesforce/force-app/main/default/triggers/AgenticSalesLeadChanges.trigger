/**
 * Lead change events (delivered asynchronously after commit) to Agentic Sales: see
 * AgenticSalesCallout.enqueueChanges. A converted Lead's events still go out; the app stops
 * enriching it (its Contact and Opportunity take over).
 */
trigger AgenticSalesLeadChanges on LeadChangeEvent (after insert) {
    List<EventBus.ChangeEventHeader> headers = new List<EventBus.ChangeEventHeader>();
    for (LeadChangeEvent ev : Trigger.new) {
        headers.add(ev.ChangeEventHeader);
    }
    AgenticSalesCallout.enqueueChanges(headers);
}
