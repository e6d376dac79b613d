/**
 * Change-event trigger (runs asynchronously after commit): one signed callout per 100 changes.
 * changeOrigin carries the writer's Sforce-Call-Options client id, so the app drops its own echoes.
 */
trigger AgenticSalesOpportunityChanges on OpportunityChangeEvent (after insert) {
    List<Map<String, Object>> events = new List<Map<String, Object>>();
    for (OpportunityChangeEvent ev : Trigger.new) {
        EventBus.ChangeEventHeader header = ev.ChangeEventHeader;
        for (String recordId : header.recordIds) {
            events.add(AgenticSalesCallout.toEvent(header, recordId));
            if (events.size() == AgenticSalesCallout.MAX_EVENTS) {
                System.enqueueJob(new AgenticSalesCallout(events, 0));
                events = new List<Map<String, Object>>();
            }
        }
    }
    if (!events.isEmpty()) {
        System.enqueueJob(new AgenticSalesCallout(events, 0));
    }
}
