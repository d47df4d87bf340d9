using System.ComponentModel.DataAnnotations;
using System.Text.Json;
using ThiDua.Core.Assessment;
using ThiDua.Web.Infrastructure.Files;

namespace ThiDua.Web.Features.Assessment;

public sealed class CreateAssessmentRequest
{
    [Required, StringLength(64)]
    public string FrameworkCode { get; init; } = "";

    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";
}

/// <summary>One indicator's value from the unit: a number, boolean, option code or {numerator, denominator}; null clears it.</summary>
public sealed class ValueEntry
{
    [Required, StringLength(64)]
    public string IndicatorCode { get; init; } = "";

    public JsonElement Value { get; init; }

    [StringLength(4000)]
    public string? Note { get; init; }

    /// <summary>The unit's answer to the appraiser's question on this indicator.</summary>
    [StringLength(4000)]
    public string? Response { get; init; }

    /// <summary>Files uploaded with POST /api/v1/files; replaces the indicator's evidence when given.</summary>
    public List<Guid>? EvidenceFileIds { get; init; }
}

/// <summary>
/// The appraiser's word on one indicator. Without <see cref="Action"/>: a value equal to the unit's accepts it, a
/// different one adjusts it (reason required). Action "return" asks the unit a question (<see cref="Message"/>).
/// </summary>
public sealed class AppraisalEntry
{
    [Required, StringLength(64)]
    public string IndicatorCode { get; init; } = "";

    public JsonElement Value { get; init; }

    [StringLength(4000)]
    public string? Reason { get; init; }

    /// <summary>accept, adjust or return.</summary>
    [StringLength(16)]
    public string? Action { get; init; }

    [StringLength(4000)]
    public string? Message { get; init; }
}

public sealed class ReturnRequest
{
    [Required, StringLength(4000, MinimumLength = 1)]
    public string Message { get; init; } = "";
}

public sealed record AssessmentCreated(int Id, AssessmentStatus Status, string FrameworkCode, string UnitCode, int Version);

public sealed record ValueDto(
    string IndicatorCode,
    string IndicatorName,
    string GroupCode,
    double MaxPoints,
    string Rule,
    bool EvidenceRequired,
    JsonElement? Value,
    double? Points,
    string? Note,
    string? Response,
    JsonElement? AppraisedValue,
    double? AppraisedPoints,
    AppraisalDecision Decision,
    string? Reason,
    string? ReturnMessage,
    IReadOnlyList<FileDto> Evidence);

public sealed record AssessmentEventDto(DateTime At, string? UserName, AssessmentStatus? From, AssessmentStatus To, string? Message);

public sealed record AssessmentDto(
    int Id,
    string FrameworkCode,
    string FrameworkName,
    int Year,
    string UnitCode,
    string UnitName,
    AssessmentStatus Status,
    double ScaleMax,
    double SelfTotal,
    double? AppraisedTotal,
    double Score100,
    string? Band,
    IReadOnlyList<string> Missing,
    IReadOnlyList<string> MissingEvidence,
    string? ReturnMessage,
    DateTime? SubmittedAt,
    DateTime? AppraisedAt,
    IReadOnlyList<ValueDto> Values,
    IReadOnlyList<AssessmentEventDto> History,
    int Version);

public sealed record AssessmentSummary(int Id, string FrameworkCode, string UnitCode, string UnitName, AssessmentStatus Status, double SelfTotal, double? AppraisedTotal, DateTime? SubmittedAt, int Version);

public sealed record ImportRowError(int Row, string Message);

public sealed record ImportReport(bool DryRun, int Rows, int ValidRows, int AssessmentsCreated, int ValuesWritten, IReadOnlyList<ImportRowError> Errors);
