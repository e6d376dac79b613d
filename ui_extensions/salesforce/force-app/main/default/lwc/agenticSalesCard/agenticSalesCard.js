import { LightningElement, api } from 'lwc';
import getCard from '@salesforce/apex/AgenticSalesCardController.getCard';
import sendFeedback from '@salesforce/apex/AgenticSalesCardController.sendFeedback';
import { cardView } from './format';

/**
 * The Agentic Sales card on Opportunity, Lead and Account record pages: the same card as
 * HubSpot's (scores with factors, strategy, next best action, draft). Accept / Reject on the
 * action are recorded by the app as feedback for the learning loop (idempotent on its side).
 */
export default class AgenticSalesCard extends LightningElement {
    @api recordId;

    view;
    error;
    loading = true;
    decision;
    sending = false;

    connectedCallback() {
        this.load();
    }

    async load() {
        this.loading = true;
        this.error = undefined;
        try {
            const body = await getCard({ recordId: this.recordId });
            this.view = cardView(body);
        } catch (e) {
            this.view = undefined;
            this.error = errorText(e);
        } finally {
            this.loading = false;
        }
    }

    get hasView() {
        return Boolean(this.view);
    }

    get notEnriched() {
        return Boolean(this.view) && !this.view.enriched;
    }

    get showDecision() {
        return Boolean(this.view && this.view.action && this.view.canDecide && !this.decision);
    }

    get decisionText() {
        const words = (this.view && this.view.words) || {};
        return this.decision === 'accept' ? words.accepted_noted || 'Accepted: thanks, noted.'
            : words.rejected_noted || 'Rejected: the app will learn from it.';
    }

    get refreshLabel() {
        return (this.view && this.view.words && this.view.words.refresh) || 'Refresh';
    }

    get buttonsDisabled() {
        return this.sending;
    }

    handleAccept() {
        return this.decide('accept');
    }

    handleReject() {
        return this.decide('reject');
    }

    async decide(decision) {
        if (this.sending || this.decision) {
            return;
        }
        this.sending = true;
        this.error = undefined;
        try {
            await sendFeedback({ recordId: this.recordId, enrichmentId: this.view.enrichmentId, decision });
            this.decision = decision;
        } catch (e) {
            this.error = errorText(e);
        } finally {
            this.sending = false;
        }
    }

    handleRefresh() {
        return this.load();
    }
}

function errorText(e) {
    if (e && e.body && e.body.message) {
        return e.body.message;
    }
    return (e && e.message) || 'Agentic Sales is unavailable.';
}
