using System.ComponentModel.DataAnnotations;

namespace ThiDua.Web.Features.Tasks;

public sealed class CreateTaskRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string SourceDocument { get; init; } = "";

    [Required, StringLength(64, MinimumLength = 1)]
    public string Code { get; init; } = "";

    [Required, StringLength(1000, MinimumLength = 3)]
    public string Title { get; init; } = "";

    [Required, MinLength(1)]
    public List<string> AssigneeUnitCodes { get; init; } = [];

    [Required]
    public DateOnly? DueDate { get; init; }

    [StringLength(4000)]
    public string? Description { get; init; }

    public bool Illustrative { get; init; }
}

public sealed class UpdateTaskRequest
{
    [Required, StringLength(1000, MinimumLength = 3)]
    public string Title { get; init; } = "";

    [Required, MinLength(1)]
    public List<string> AssigneeUnitCodes { get; init; } = [];

    [Required]
    public DateOnly? DueDate { get; init; }

    [StringLength(4000)]
    public string? Description { get; init; }

    public int? Version { get; init; }
}

public sealed class ProgressRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required, Range(0, 100)]
    public double? Percent { get; init; }

    public bool Completed { get; init; }

    [StringLength(4000)]
    public string? Note { get; init; }

    public Guid? EvidenceFileId { get; init; }
}

public sealed record AssigneeDto(string UnitCode, string UnitName, double Percent, bool Completed, bool Overdue, DateTime? LastReportAt, string? LastNote);

public sealed record ProgressDto(string UnitCode, double Percent, bool Completed, string? Note, Guid? EvidenceFileId, DateTime ReportedAt, string? ReportedBy);

public sealed record TaskDto(
    int Id,
    string SourceDocument,
    string Code,
    string Title,
    string? Description,
    DateOnly DueDate,
    bool Illustrative,
    string Phase,
    IReadOnlyList<AssigneeDto> Assignees,
    IReadOnlyList<ProgressDto> History,
    int Version);

public sealed record CompletionDto(string UnitCode, string Phase, int Assigned, int Completed, int Overdue, double? CompletionRate);

public sealed record TaskImportReport(bool DryRun, int Rows, int Created, IReadOnlyList<Infrastructure.Api.CsvRowError> Errors);
