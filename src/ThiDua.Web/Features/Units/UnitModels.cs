using System.ComponentModel.DataAnnotations;
using ThiDua.Core.Units;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>A unit as the API shows it (API.md): <c>{code, name, type, parentCode, validFrom, validTo, predecessors}</c> and more.</summary>
public sealed record UnitDto(
    string Code,
    string Name,
    UnitType Type,
    string? Subtype,
    string? ParentCode,
    DateOnly ValidFrom,
    DateOnly? ValidTo,
    IReadOnlyList<string> Predecessors,
    IReadOnlyList<string> Successors,
    FocalPersonDto? FocalPerson,
    int Version)
{
    /// <summary>The body's abbreviation in document symbols: a decision it issues is "…/QĐ-{abbreviation}".</summary>
    public string? Abbreviation { get; init; }

    /// <summary>True when ThiDua keeps the body's register of decision numbers; otherwise each decision needs the clerk's number.</summary>
    public bool KeepsRegisterInThiDua { get; init; }
}

public sealed record FocalPersonDto(string? Name, string? Email, string? Phone);

public sealed class CreateUnitRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "Mã chỉ gồm chữ không dấu, chữ số và - . _")]
    public string Code { get; init; } = "";

    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";

    [Required]
    public UnitType? Type { get; init; }

    [StringLength(32)]
    public string? Subtype { get; init; }

    [StringLength(64)]
    public string? ParentCode { get; init; }

    [Required]
    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    public List<string>? Predecessors { get; init; }

    /// <summary>SYT, SXD, UBND… (Decree 30/2020, Appendix III).</summary>
    [StringLength(32), RegularExpression(@"^[\p{L}\p{Nd}]+$", ErrorMessage = "Chữ viết tắt chỉ gồm chữ cái và chữ số, ví dụ SYT.")]
    public string? Abbreviation { get; init; }

    public bool? KeepsRegisterInThiDua { get; init; }

    /// <summary>A new unit with <paramref name="code"/> and the fields of <paramref name="unit"/>.</summary>
    public static CreateUnitRequest With(string code, UpdateUnitRequest unit) => new()
    {
        Code = code, Name = unit.Name, Type = unit.Type, Subtype = unit.Subtype, ParentCode = unit.ParentCode, ValidFrom = unit.ValidFrom, ValidTo = unit.ValidTo,
        Abbreviation = unit.Abbreviation, KeepsRegisterInThiDua = unit.KeepsRegisterInThiDua,
    };
}

public sealed class UpdateUnitRequest
{
    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";

    [Required]
    public UnitType? Type { get; init; }

    [StringLength(32)]
    public string? Subtype { get; init; }

    [StringLength(64)]
    public string? ParentCode { get; init; }

    [Required]
    public DateOnly? ValidFrom { get; init; }

    public DateOnly? ValidTo { get; init; }

    /// <summary>SYT, SXD, UBND… (Decree 30/2020, Appendix III); omitted: unchanged.</summary>
    [StringLength(32), RegularExpression(@"^[\p{L}\p{Nd}]+$", ErrorMessage = "Chữ viết tắt chỉ gồm chữ cái và chữ số, ví dụ SYT.")]
    public string? Abbreviation { get; init; }

    /// <summary>Omitted: unchanged.</summary>
    public bool? KeepsRegisterInThiDua { get; init; }

    /// <summary>The version read; may come in <c>If-Match</c> instead.</summary>
    public int? Version { get; init; }
}

public sealed class UpdateFocalPersonRequest
{
    [StringLength(256)]
    public string? Name { get; init; }

    [EmailAddress, StringLength(256)]
    public string? Email { get; init; }

    [Phone, StringLength(32)]
    public string? Phone { get; init; }

    public int? Version { get; init; }
}

public sealed class ReorganizationRequest
{
    [Required]
    public DateOnly? EffectiveDate { get; init; }

    [Required]
    public ReorganizationKind? Kind { get; init; }

    [Required, MinLength(1)]
    public List<string> From { get; init; } = [];

    [Required, MinLength(1)]
    public List<NewUnitRequest> To { get; init; } = [];

    [StringLength(2000)]
    public string? Note { get; init; }
}

public sealed class NewUnitRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "Mã chỉ gồm chữ không dấu, chữ số và - . _")]
    public string Code { get; init; } = "";

    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";

    [Required]
    public UnitType? Type { get; init; }

    [StringLength(64)]
    public string? ParentCode { get; init; }
}

public sealed record ReorganizationResult(int Id, DateOnly EffectiveDate, ReorganizationKind Kind, IReadOnlyList<string> Ended, IReadOnlyList<string> Started, IReadOnlyList<string> Reparented, IReadOnlyList<string> ChildrenToReassign);

public sealed record ClusterDto(int Id, string Code, string Name, ClusterKind Kind, int Year, IReadOnlyList<ClusterMemberDto> Members, int Version);

public sealed record ClusterMemberDto(string Code, string Name, UnitType Type);

public sealed class ClusterRequest
{
    [Required, StringLength(64, MinimumLength = 1)]
    public string Code { get; init; } = "";

    [Required, StringLength(256, MinimumLength = 2)]
    public string Name { get; init; } = "";

    [Required]
    public ClusterKind? Kind { get; init; }

    [Required, Range(2000, 2100)]
    public int? Year { get; init; }

    [Required]
    public List<string> MemberCodes { get; init; } = [];

    public int? Version { get; init; }
}
