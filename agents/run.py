"""The one function the pipeline calls: analyst -> policy -> strategist -> writer -> checks."""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Mapping, Sequence
from datetime import UTC, datetime

import httpx

from agents.analyst import analyse
from agents.catalogue import StrategyArm, catalogue_by_name
from agents.context import Context, build_context
from agents.errors import ConfigurationError
from agents.facts import Vocabulary, build_vocabulary
from agents.models import OFFLINE_LABEL, AgentRun, Check, DraftOut, Fallback, NextBestAction
from agents.moments import detect_escalations
from agents.providers.base import LLMProvider
from agents.providers.budget import context_budget
from agents.providers.cache import LLMCache, SpendLedger
from agents.providers.gateway import CallResult, Gateway
from agents.providers.limits import ConcurrencyLimiter, process_limiter
from agents.providers.offline import OfflineProvider
from agents.providers.resolve import resolve_chains
from agents.providers.tokens import DEFAULT_TOKENIZER, Tokenizer
from agents.quality import check_draft_quality
from agents.redact import Redactor
from agents.safety import check_draft
from agents.same_checks import built_once, in_one_scope
from agents.settings import ROLES, AgentSettings
from agents.strategist import ArmPolicy, PolicyInput, heuristic_policy, plan
from agents.writer import DraftPlan, owner_brief, plan_draft, write
from integrations.base import Record


@in_one_scope
def run_agents(
    record: Record, scores: Mapping[str, object] | None = None, settings: AgentSettings | None = None, *,
    providers: Mapping[str, LLMProvider | Sequence[LLMProvider]] | None = None,
    cache: LLMCache | None = None, ledger: SpendLedger | None = None, limiter: ConcurrencyLimiter | None = None,
    policy: ArmPolicy | None = None, now: datetime | None = None, env: Mapping[str, str] | None = None,
    http_client: httpx.Client | None = None, provider_override: str | None = None,
    tokenizer: Tokenizer = DEFAULT_TOKENIZER, sleep: Callable[[float], None] = time.sleep,
) -> AgentRun:
    """Run the three agents on one record and check the draft.

    Args:
        record: the canonical record.
        scores: Scores of DESIGN.md; None or partial is fine (the output says what was missing).
        settings: the tenant's settings; offline defaults when None.
        providers: per-role provider or chain (tests, or the app's own clients); when None they are
            resolved from `settings.roles` (or `provider_override`) and `env`. Offline is always last.
        cache: answer cache (the app's DB-backed one); none when None.
        ledger: spend ledger, needed for the monthly cap to apply.
        limiter: concurrency limiter; this process's shared one when None.
        policy: the arm-choosing policy (the bandit); the heuristic softmax when None.
        now: the run's clock (UTC when naive); the current time when None.
        env: where API keys and base URLs are read; os.environ when None.
        http_client: injected transport for every vendor SDK.
        provider_override: one `provider[:model]` for every role (the CLI's --provider).
        tokenizer: token estimator for the context budget.
        sleep: how retries wait (tests pass a no-op).

    Returns:
        The AgentRun; `fallbacks` holds every reason a role went offline, for the audit log.

    Raises:
        ConfigurationError: an unknown provider, or a policy that picked an arm outside the catalogue.
    """
    settings = settings or AgentSettings(tenant_id=record.tenant_id)
    if not settings.tenant_id:
        settings = settings.with_overrides(tenant_id=record.tenant_id)
    now = (now or datetime.now(UTC))
    now = now if now.tzinfo else now.replace(tzinfo=UTC)
    chains = _chains(settings, providers, env, http_client, provider_override)
    ctx = _context(record, scores, now=now, budget_tokens=context_budget(settings, chains), tokenizer=tokenizer)
    gateway = Gateway(settings, chains, now=now, cache=cache, ledger=ledger,
                      limiter=limiter or process_limiter(settings.concurrency_per_process,
                                                         settings.concurrency_per_tenant),
                      redactor=Redactor(record), sleep=sleep, record_id=record.id)
    base_vocab = _vocabulary(ctx, other_customers=settings.other_customer_names,
                             allowed_links=settings.link_allowlist)
    analysis, r1 = analyse(gateway, ctx, base_vocab, settings.allowed_promises)
    escalations = [str(e) for e in detect_escalations(ctx)]
    if escalations:
        analysis = analysis.model_copy(update={"escalations": escalations})
    choice = (policy or heuristic_policy)(PolicyInput(ctx, analysis, settings.catalogue))
    arms = catalogue_by_name(settings.catalogue)
    if choice.arm not in arms:
        raise ConfigurationError(f"policy chose {choice.arm!r}, which is not in the tenant's catalogue")
    strategy, nba, r2 = plan(gateway, ctx, analysis, choice, settings, base_vocab)
    arm = arms[choice.arm]
    limitations = list(ctx.limitations)
    results = {"analyst": r1, "strategist": r2}
    if escalations:
        # No customer-facing draft: the owner gets a brief and answers personally.
        nba = nba.model_copy(update={"summary": f"Owner to answer personally (escalated): {escalations[0]}",
                                     "discount": None})
        draft = owner_brief(ctx, nba, escalations)
        checks = [Check(name="escalated_to_owner", passed=True, detail="; ".join(escalations))]
    else:
        dp = plan_draft(ctx, nba, settings)
        draft_vocab = draft_vocabulary(ctx, arm, nba, settings, dp)
        draft, results["writer"] = write(gateway, ctx, analysis, strategy, nba, settings, draft_vocab, dp)
        checks = check_draft_quality(draft, ctx, draft_vocab, settings, send_day=dp.send_day,
                                     approved_discount=nba.discount)
    usage = [u.to_dict() for r in results.values() for u in r.usages]
    return AgentRun(
        record={"crm": record.crm, "tenant_id": record.tenant_id, "object_type": record.object_type,
                "id": record.id, "name": record.name},
        analysis=analysis, strategy=strategy, next_best_action=nba, draft=draft, checks=checks,
        checks_passed=all(c.passed for c in checks), usage=usage, fallbacks=_fallbacks(results),
        limitations=limitations, generated_by=_label(results.values()),
        cost_usd=round(sum(u["cost_usd"] for u in usage), 8), escalations=escalations,
    )


def draft_vocabulary(ctx: Context, arm: StrategyArm, nba: NextBestAction, settings: AgentSettings,
                     dp: DraftPlan) -> Vocabulary:
    """What a draft for this action may state: the record's facts plus what code decided for it."""
    return _vocabulary(
        ctx, extra_text=[arm.description, nba.timezone, dp.recipient_tz],
        extra_dates=[datetime.fromisoformat(nba.due_at).date(), *dp.dates()],
        extra_percents=[round(nba.discount * 100, 1)] if nba.discount else [],
        other_customers=settings.other_customer_names, allowed_links=settings.link_allowlist, score_figures=False)


def recheck_draft(run: AgentRun, record: Record, scores: Mapping[str, object] | None, settings: AgentSettings,
                  *, now: datetime) -> list[str]:
    """Re-run every safety rule on a finished run's draft (audits and tests); [] when it is safe."""
    if run.draft.kind == "owner_brief":
        return []
    ctx = _context(record, scores, now=now, budget_tokens=settings.context_budget_tokens, tokenizer=DEFAULT_TOKENIZER)
    arm = catalogue_by_name(settings.catalogue)[run.strategy.arm]
    nba = run.next_best_action
    dp = plan_draft(ctx, nba, settings)
    out = DraftOut(to_contact_id=run.draft.to.contact_id, subject=run.draft.subject, body=run.draft.body)
    return check_draft(out, ctx, draft_vocabulary(ctx, arm, nba, settings, dp), approved_discount=nba.discount,
                       allowed_promises=settings.allowed_promises, send_day=dp.send_day, language=dp.language,
                       asked_same_day=bool(dp.ask and dp.ask.same_day),
                       # the offline template pastes no free text; the learned screen judges what a model wrote
                       learned_screen=settings.learned_screen and run.draft.generated_by != "offline-template")


@built_once
def record_context(record: Record, scores: Mapping[str, object] | None, now: datetime, budget_tokens: int) -> Context:
    """`build_context` with the default tokenizer, built once per record, scores, clock and budget in a scope
    (agents.same_checks.built_once): a replayed record's runs and re-checks read one Context (wave 36)."""
    return build_context(record, scores, now=now, budget_tokens=budget_tokens)


def _context(record: Record, scores: Mapping[str, object] | None, *, now: datetime, budget_tokens: int,
             tokenizer: Tokenizer) -> Context:
    if tokenizer is DEFAULT_TOKENIZER:
        return record_context(record, scores, now, budget_tokens)
    return build_context(record, scores, now=now, budget_tokens=budget_tokens, tokenizer=tokenizer)


_vocabulary = built_once(build_vocabulary)
"""`build_vocabulary`, built once per Context and arguments in a scope (a Vocabulary is frozen)."""


def _chains(
    settings: AgentSettings, providers: Mapping[str, LLMProvider | Sequence[LLMProvider]] | None,
    env: Mapping[str, str] | None, http_client: httpx.Client | None, override: str | None,
) -> dict[str, list[LLMProvider]]:
    if providers is None:
        return resolve_chains(settings, env=os.environ if env is None else env, http_client=http_client,
                              override=override)
    chains: dict[str, list[LLMProvider]] = {}
    for role in ROLES:
        given = providers.get(role) or []
        chain = [given] if not isinstance(given, Sequence) else list(given)
        if not chain or chain[-1].name != "offline":
            chain.append(OfflineProvider())
        chains[role] = chain
    return chains


def _fallbacks(results: Mapping[str, CallResult]) -> list[Fallback]:
    out = []
    for role, r in results.items():
        if r.fallback_reason:
            out.append(Fallback(role=role, reason=r.fallback_reason))
        if r.repaired:
            out.append(Fallback(role=role, reason="repaired after: " + "; ".join(r.repaired)))
    return out


def _label(results: object) -> str:
    labels = sorted({r.label for r in results})  # type: ignore[attr-defined]
    return labels[0] if len(labels) == 1 else ",".join(labels) if labels else OFFLINE_LABEL
