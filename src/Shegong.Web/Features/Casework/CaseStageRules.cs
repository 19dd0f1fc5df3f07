using Shegong.Web.Common;

namespace Shegong.Web.Features.Casework;

/// <summary>
/// What each stage must leave behind before the case moves on (the one place of the stage order's
/// record rules): the assessment summary before planning, goals before intervention, a contact
/// before evaluation, and the evaluation of every goal with the closing report before closing.
/// </summary>
public static class CaseStageRules
{
    public static string SkipMessage(CaseStage from, CaseStage target) => Case.NextStage(from) is { } next
        ? Problems.Format(ProblemText.CaseCaseCannotMoveFromNextStage, Names.Of(from), Names.Of(target), Names.Of(next))
        : ProblemText.CaseCaseClosedCanOnlyReopened;

    public static void Check(Case c, CaseStage target, StageMoveForm record, DateOnly on)
    {
        var last = c.Events.Count == 0 ? c.OpenedOn : c.Events.Max(e => e.On);
        if (on < last)
        {
            throw RequestProblem.Invalid("on", Problems.Format(ProblemText.CaseDateCannotBeforePreviousMove, last));
        }
        switch (target)
        {
            case CaseStage.Planning when string.IsNullOrWhiteSpace(record.AssessmentSummary):
                throw RequestProblem.Invalid("assessmentSummary", ProblemText.CaseWriteAssessmentSummaryBeforePlanning);
            case CaseStage.Intervention when record.Goals is not { Count: > 0 }:
                throw RequestProblem.Invalid("goals", ProblemText.CasePlanNeedsAtLeastOneGoalBefore);
            case CaseStage.Intervention when record.Goals.Any(g => string.IsNullOrWhiteSpace(g.Description)):
                throw RequestProblem.Invalid("goals", ProblemText.CaseEveryGoalNeedsDescription);
            case CaseStage.Evaluation when c.Contacts.Count == 0:
                throw RequestProblem.Invalid("stage", ProblemText.CaseRecordAtLeastOneContactBeforeEvaluation);
            case CaseStage.Closed:
                CheckClosing(c, record);
                break;
        }
    }

    private static void CheckClosing(Case c, StageMoveForm record)
    {
        var outcomes = record.GoalOutcomes ?? [];
        var missing = c.Goals.Where(g => outcomes.All(o => o.GoalId != g.Id || o.Outcome is null)).ToList();
        if (missing.Count > 0 || outcomes.Any(o => c.Goals.All(g => g.Id != o.GoalId)))
        {
            throw RequestProblem.Invalid("goalOutcomes", ProblemText.CaseEvaluateEveryGoalCaseSPlanBefore);
        }
        if (string.IsNullOrWhiteSpace(record.EvaluationSummary))
        {
            throw RequestProblem.Invalid("evaluationSummary", ProblemText.CaseWriteEvaluationSummaryBeforeClosing);
        }
        if (record.CloseReason is null)
        {
            throw RequestProblem.Invalid("closeReason", ProblemText.CaseChooseWhyCaseClosed);
        }
        if (string.IsNullOrWhiteSpace(record.ClosingReport))
        {
            throw RequestProblem.Invalid("closingReport", ProblemText.CaseWriteClosingReport);
        }
    }
}
