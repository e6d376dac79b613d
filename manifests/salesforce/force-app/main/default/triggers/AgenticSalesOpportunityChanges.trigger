/**
 * Opportunity change events (delivered asynchronously after commit) to Agentic Sales: see
 * AgenticSalesCallout.enqueueChanges.
 */
trigger AgenticSalesOpportunityChanges on OpportunityChangeEvent (after insert) {
    List<EventBus.ChangeEventHeader> headers = new List<EventBus.ChangeEventHeader>();
    for (OpportunityChangeEvent ev : Trigger.new) {
        headers.add(ev.ChangeEventHeader);
    }
    AgenticSalesCallout.enqueueChanges(headers);
}
