using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Initiatives;

namespace ThiDua.Web.Features.Initiatives;

public sealed class AuthorRequest
{
    [Required, StringLength(256, MinimumLength = 2)]
    public string FullName { get; init; } = "";

    [StringLength(256)]
    public string? Position { get; init; }
}

/// <summary><c>POST /api/v1/initiatives</c> and, with <see cref="Version"/>, <c>PUT /api/v1/initiatives/{id}</c>.</summary>
public sealed class InitiativeRequest
{
    [Required, StringLength(64)]
    public string UnitCode { get; init; } = "";

    [Required]
    public InitiativeKind? Kind { get; init; }

    [Required, StringLength(512, MinimumLength = 5)]
    public string Title { get; init; } = "";

    [Required, StringLength(8000, MinimumLength = 10)]
    public string Description { get; init; } = "";

    [Required]
    public InitiativeSector? Sector { get; init; }

    [MaxLength(20)]
    public List<AuthorRequest>? Authors { get; init; }

    [StringLength(8000)]
    public string? Results { get; init; }

    /// <summary>For an update: the version read (or <c>If-Match</c>).</summary>
    public int? Version { get; init; }
}

public sealed class ReturnInitiativeRequest
{
    [Required, StringLength(2000, MinimumLength = 5)]
    public string Reason { get; init; } = "";
}

public sealed class FeatureRequest
{
    /// <summary>True (the default) to feature it, false to take it off the media centre's list.</summary>
    public bool? Featured { get; init; }
}

public sealed record AuthorDto(string FullName, string? Position);

public sealed record InitiativeFileDto(int Id, Guid FileId, string FileName, string ContentType, long Size, bool IsImage, int? Width, int? Height,
    Guid? ThumbnailFileId, string? Caption, DateTime AddedAt, string? AddedBy);

public sealed record InitiativeDto(int Id, string UnitCode, string UnitName, InitiativeKind Kind, string Title, string Description, InitiativeSector Sector,
    IReadOnlyList<AuthorDto> Authors, string? Results, InitiativeStatus Status, bool Featured, string? ReturnReason,
    DateTime SubmittedAt, string? SubmittedBy, DateTime? ReviewedAt, string? ReviewedBy, DateTime? PublishedAt, string? PublishedBy, DateTime? FeaturedAt,
    IReadOnlyList<InitiativeFileDto> Files, int Version);

public sealed record InitiativeSummary(int Id, string UnitCode, string UnitName, InitiativeKind Kind, string Title, InitiativeSector Sector,
    InitiativeStatus Status, bool Featured, DateTime SubmittedAt, DateTime? PublishedAt);

/// <summary>The answer to a submission: API.md's <c>{id, status}</c>.</summary>
public sealed record InitiativeCreated(int Id, InitiativeStatus Status, int Version);

/// <summary>A filter of the staff list: codes as the API writes them, unknown ones refused (400).</summary>
public sealed record InitiativeQuery(string? UnitCode = null, string? Status = null, string? Kind = null, string? Sector = null, string? Q = null);

/// <summary>An image of a published initiative, for everyone: where to fetch it and its thumbnail.</summary>
public sealed record OpenImageDto(int Id, string Url, string ThumbnailUrl, int? Width, int? Height, string Caption);

/// <summary>
/// A published initiative or model as open data (R16): what the public may read — no reviewer, no return reason,
/// no file of the dossier except its images.
/// </summary>
public sealed record OpenInitiativeDto(int Id, InitiativeKind Kind, string Title, string Description, InitiativeSector Sector, string UnitCode, string UnitName,
    IReadOnlyList<AuthorDto> Authors, string? Results, DateTime PublishedAt, bool Featured, IReadOnlyList<OpenImageDto> Images);

/// <summary>An initiative offered as evidence in a nomination's dossier.</summary>
public sealed record NominationInitiativeDto(int InitiativeId, InitiativeKind Kind, string Title, InitiativeSector Sector, string UnitCode, string UnitName,
    DateTime? PublishedAt, DateTime LinkedAt, string? LinkedBy);

public sealed class LinkInitiativeRequest
{
    [Required, Range(1, int.MaxValue)]
    public int? InitiativeId { get; init; }
}
