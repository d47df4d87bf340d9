using ThiDua.Core.Units;

namespace ThiDua.Data.Units;

/// <summary>A participant of the movement: the province, a department, a mass organisation, a district, a commune or an enterprise (R1).</summary>
public class Unit : IVersioned, ISearchable
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }

    /// <summary>The name folded for search without diacritics ("phuong bai chay"), kept by the DbContext on every save.</summary>
    public string SearchName { get; set; } = "";
    public UnitType Type { get; set; }

    /// <summary>The finer kind for display: ward, commune, special zone, city, town… (see <see cref="UnitTypes.SubtypeFromName"/>).</summary>
    public string? Subtype { get; set; }

    /// <summary>The parent on the unit's last valid day; earlier parents are found through lineage.</summary>
    public int? ParentId { get; set; }
    public Unit? Parent { get; set; }

    public DateOnly ValidFrom { get; set; }
    public DateOnly? ValidTo { get; set; }

    /// <summary>Where the facts come from (official documents, URLs).</summary>
    public string? Source { get; set; }

    /// <summary>The unit's focal person ("cán bộ đầu mối") for the movement; kept up to date by the unit itself.</summary>
    public string? FocalPersonName { get; set; }
    public string? FocalPersonEmail { get; set; }
    public string? FocalPersonPhone { get; set; }

    /// <summary>The abbreviation of the body in document symbols (Decree 30/2020, Appendix III): SYT, SXD, UBND.</summary>
    public string? Abbreviation { get; set; }

    /// <summary>True when the body's records office lets ThiDua keep its register of decision numbers; otherwise the clerk enters each number.</summary>
    public bool KeepsRegisterInThiDua { get; set; }

    public int Version { get; set; }

    public List<UnitLineage> PredecessorLinks { get; set; } = [];
    public List<UnitLineage> SuccessorLinks { get; set; } = [];

    public Validity Validity => new(ValidFrom, ValidTo);

    public UnitNode ToNode() => new(Id, Code, Name, Type, Subtype, ParentId, Validity);

    public void RefreshSearch() => SearchName = Core.Text.TextSearch.Fold(Name);
}

/// <summary>Lineage (R2): the predecessor's history continues in the successor from <see cref="EffectiveDate"/>.</summary>
public class UnitLineage
{
    public int Id { get; set; }
    public int PredecessorId { get; set; }
    public Unit Predecessor { get; set; } = null!;
    public int SuccessorId { get; set; }
    public Unit Successor { get; set; } = null!;
    public DateOnly EffectiveDate { get; set; }
    public int? ReorganizationId { get; set; }
    public Reorganization? Reorganization { get; set; }
}

/// <summary>One merge, split or rename done through ThiDua (the seeded history has lineage without a reorganization record).</summary>
public class Reorganization
{
    public int Id { get; set; }
    public DateOnly EffectiveDate { get; set; }
    public ReorganizationKind Kind { get; set; }
    public string? Note { get; set; }
    public DateTime CreatedAt { get; set; }
    public string? CreatedBy { get; set; }
    public List<UnitLineage> Links { get; set; } = [];
}

public enum ClusterKind
{
    Cluster,
    Bloc,
}

/// <summary>An emulation cluster or bloc ("Cụm, Khối thi đua") of one year, whose members are compared with each other (R1).</summary>
public class Cluster : IVersioned
{
    public int Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public ClusterKind Kind { get; set; }
    public int Year { get; set; }
    public int Version { get; set; }
    public List<ClusterMember> Members { get; set; } = [];
}

public class ClusterMember
{
    public int ClusterId { get; set; }
    public Cluster Cluster { get; set; } = null!;
    public int UnitId { get; set; }
    public Unit Unit { get; set; } = null!;
}
