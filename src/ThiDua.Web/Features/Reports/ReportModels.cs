using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Movements;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Reports;

public sealed class CreateReportRequest
{
    [Required, StringLength(64)]
    public string MovementCode { get; init; } = "";

    [Required, Range(2000, 2100)]
    public int? Year { get; init; }

    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [StringLength(20000)]
    public string? Summary { get; init; }

    [StringLength(20000)]
    public string? Results { get; init; }

    [StringLength(20000)]
    public string? DtiAndTasks { get; init; }

    [StringLength(20000)]
    public string? Proposals { get; init; }
}

public sealed class UpdateReportRequest
{
    [StringLength(20000)]
    public string? Summary { get; init; }

    [StringLength(20000)]
    public string? Results { get; init; }

    [StringLength(20000)]
    public string? DtiAndTasks { get; init; }

    [StringLength(20000)]
    public string? Proposals { get; init; }

    public int? Version { get; init; }
}

public sealed class ReturnReportRequest
{
    [Required, StringLength(4000, MinimumLength = 3)]
    public string Reason { get; init; } = "";
}

public sealed record ReportDto(
    int Id,
    string MovementCode,
    int Year,
    string UnitCode,
    string UnitName,
    ReportStatus Status,
    string? Summary,
    string? Results,
    string? DtiAndTasks,
    string? Proposals,
    DateOnly Deadline,
    DateTime? FirstSubmittedAt,
    DateTime? SubmittedAt,
    string? SubmittedBy,
    bool? OnTime,
    string? ReturnReason,
    IReadOnlyList<FileDto> Attachments,
    int Version);

public sealed record ReportTypeStatus(string Type, int Expected, int OnTime, int Late, int Missing);

/// <summary>API.md: {deadline, onTime, late, missing} with the deadline's exact instant and a breakdown by unit type.</summary>
public sealed record ReportStatusDto(
    string MovementCode,
    int Year,
    DateOnly Deadline,
    DateTime DeadlineUtc,
    IReadOnlyList<string> OnTime,
    IReadOnlyList<string> Late,
    IReadOnlyList<string> Missing,
    IReadOnlyList<ReportTypeStatus> ByType)
{
    /// <summary>strict: the plan's day whatever it is; next_working_day: a day off moves it to the next working day.</summary>
    public DeadlineRule DeadlineRule { get; init; }

    /// <summary>The day before which a report is on time, after the rule.</summary>
    public DateOnly EffectiveDeadline { get; init; }

    /// <summary>The rule in words, as the status page shows it.</summary>
    public string DeadlineRuleText { get; init; } = "";
}
