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
        ? $"个案不能从“{Zh(from)}”直接进入“{Zh(target)}”，下一阶段是“{Zh(next)}” / a case cannot move from {from} to {target}; the next stage is {next}"
        : $"个案已结案，只能重新开案 / the case is closed; it can only be reopened";

    public static void Check(Case c, CaseStage target, StageMoveForm record, DateOnly on)
    {
        var last = c.Events.Count == 0 ? c.OpenedOn : c.Events.Max(e => e.On);
        if (on < last)
        {
            throw RequestProblem.Invalid("on", $"日期不能早于上一次变动（{last:yyyy-MM-dd}） / the date cannot be before the previous move ({last:yyyy-MM-dd})");
        }
        switch (target)
        {
            case CaseStage.Planning when string.IsNullOrWhiteSpace(record.AssessmentSummary):
                throw RequestProblem.Invalid("assessmentSummary", "进入计划阶段前请填写预估小结 / write the assessment summary before planning");
            case CaseStage.Intervention when record.Goals is not { Count: > 0 }:
                throw RequestProblem.Invalid("goals", "进入介入阶段前请至少制定一个服务目标 / the plan needs at least one goal before intervention");
            case CaseStage.Intervention when record.Goals.Any(g => string.IsNullOrWhiteSpace(g.Description)):
                throw RequestProblem.Invalid("goals", "每个目标都须写明内容 / every goal needs a description");
            case CaseStage.Evaluation when c.Contacts.Count == 0:
                throw RequestProblem.Invalid("stage", "进入评估阶段前须至少记录一次介入服务 / record at least one contact before evaluation");
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
            throw RequestProblem.Invalid("goalOutcomes", "结案前须评估计划中的每个目标（且只评估本个案的目标） / evaluate every goal of this case's plan before closing");
        }
        if (string.IsNullOrWhiteSpace(record.EvaluationSummary))
        {
            throw RequestProblem.Invalid("evaluationSummary", "结案前请填写评估小结 / write the evaluation summary before closing");
        }
        if (record.CloseReason is null)
        {
            throw RequestProblem.Invalid("closeReason", "请选择结案原因 / choose why the case is closed");
        }
        if (string.IsNullOrWhiteSpace(record.ClosingReport))
        {
            throw RequestProblem.Invalid("closingReport", "请填写结案报告 / write the closing report");
        }
    }

    public static string Zh(CaseStage stage) => stage switch
    {
        CaseStage.Intake => "接案",
        CaseStage.Assessment => "预估",
        CaseStage.Planning => "计划",
        CaseStage.Intervention => "介入",
        CaseStage.Evaluation => "评估",
        _ => "结案",
    };
}
