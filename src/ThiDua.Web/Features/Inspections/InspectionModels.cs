using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Inspections;

namespace ThiDua.Web.Features.Inspections;

public sealed class CreateInspectionRequest
{
    [Required, Range(2000, 2100)]
    public int? Year { get; init; }

    [Required, StringLength(512, MinimumLength = 3)]
    public string Title { get; init; } = "";

    [Required, MinLength(1)]
    public List<string> UnitCodes { get; init; } = [];

    [Required]
    public DateOnly? StartDate { get; init; }

    [Required]
    public DateOnly? EndDate { get; init; }

    public List<string>? InspectorUserNames { get; init; }

    [StringLength(4000)]
    public string? Scope { get; init; }
}

public sealed class RecommendationRequest
{
    [Required, StringLength(4000, MinimumLength = 3)]
    public string Text { get; init; } = "";

    [Required]
    public DateOnly? DueDate { get; init; }
}

public sealed class FindingRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required, StringLength(8000, MinimumLength = 3)]
    public string Text { get; init; } = "";

    /// <summary>What was checked: dti, tasks, report or other (the default).</summary>
    public FindingSubject? Subject { get; init; }

    public List<RecommendationRequest> Recommendations { get; init; } = [];
}

public sealed class ResponseRequest
{
    [Required, StringLength(8000, MinimumLength = 3)]
    public string Text { get; init; } = "";

    public bool Done { get; init; }

    /// <summary>The recommendation's version the answer was written against (or If-Match); optional, a stale one answers 409.</summary>
    public int? Version { get; init; }
}

public sealed class VisitRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required]
    public DateOnly? Date { get; init; }

    [StringLength(4000)]
    public string? Note { get; init; }
}

public sealed record InspectedUnitDto(string Code, string Name);

public sealed record InspectorDto(string UserName, string FullName);

public sealed record VisitDto(int Id, string UnitCode, string UnitName, DateOnly Date, string? Note, string? CreatedBy);

public sealed record RecommendationDto(int Id, string Text, DateOnly DueDate, RecommendationStatus Status, bool Overdue,
    string? Response, DateTime? RespondedAt, string? RespondedBy, int Version);

public sealed record FindingDto(int Id, string UnitCode, string UnitName, FindingSubject Subject, string Text, DateTime CreatedAt, string? CreatedBy,
    IReadOnlyList<RecommendationDto> Recommendations);

public sealed record InspectionSummaryDto(int Id, int Year, string Title, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<InspectedUnitDto> Units, IReadOnlyList<InspectorDto> Inspectors, int Findings, int OpenRecommendations, int OverdueRecommendations, int Version);

/// <summary>A plan as its reader may see it: a unit's staff get only their own unit's visits and findings.</summary>
public sealed record InspectionDto(int Id, int Year, string Title, string? Scope, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<InspectedUnitDto> Units, IReadOnlyList<InspectorDto> Inspectors, IReadOnlyList<VisitDto> Visits, IReadOnlyList<FindingDto> Findings,
    DateTime CreatedAt, string? CreatedBy, int Version);
