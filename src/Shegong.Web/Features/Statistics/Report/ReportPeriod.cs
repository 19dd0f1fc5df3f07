using Shegong.Web.Common;

namespace Shegong.Web.Features.Statistics.Report;

public enum ReportKind
{
    Month,
    Quarter,
    Year,
}

/// <summary>The period a report covers: a calendar month, quarter or year.</summary>
public sealed record ReportPeriod(ReportKind Kind, int Year, int Number)
{
    public DateOnly From => Kind switch
    {
        ReportKind.Month => new DateOnly(Year, Number, 1),
        ReportKind.Quarter => new DateOnly(Year, (Number - 1) * 3 + 1, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    public DateOnly To => Kind switch
    {
        ReportKind.Month => From.AddMonths(1).AddDays(-1),
        ReportKind.Quarter => From.AddMonths(3).AddDays(-1),
        _ => new DateOnly(Year, 12, 31),
    };

    /// <summary>Checks what the request asked for: a month needs 1–12, a quarter 1–4, a year no number.</summary>
    public static ReportPeriod Parse(ReportKind? kind, int? year, int? number)
    {
        if (year is not (>= 2000 and <= 2100))
        {
            throw RequestProblem.Invalid("year", ProblemText.ReportYearRange);
        }
        return kind switch
        {
            ReportKind.Month when number is >= 1 and <= 12 => new ReportPeriod(ReportKind.Month, year.Value, number.Value),
            ReportKind.Month => throw RequestProblem.Invalid("number", ProblemText.ReportMonthRange),
            ReportKind.Quarter when number is >= 1 and <= 4 => new ReportPeriod(ReportKind.Quarter, year.Value, number.Value),
            ReportKind.Quarter => throw RequestProblem.Invalid("number", ProblemText.ReportQuarterRange),
            _ => new ReportPeriod(ReportKind.Year, year.Value, 0),
        };
    }
}
