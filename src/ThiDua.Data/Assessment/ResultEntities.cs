namespace ThiDua.Data.Assessment;

/// <summary>
/// A claim on computing a framework's cohort for one set of inputs (<see cref="InputsKey"/>): an instance inserts this
/// row before it computes, and the unique index on (FrameworkId, InputsKey) lets only one instance win, so two
/// instances never compute the same cohort twice (ADR 025). <see cref="FinishedAt"/> is set once the result is stored.
/// </summary>
public class CohortComputation : INotAudited
{
    public long Id { get; set; }
    public int FrameworkId { get; set; }
    public required string InputsKey { get; set; }
    /// <summary>The process that computes: machine name and process id.</summary>
    public required string Instance { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? FinishedAt { get; set; }
}

/// <summary>
/// The live results of a framework, computed once for its inputs and stored (ADR 025): the header of the ranking (the
/// results without their rows, as JSON) and its <see cref="ResultRow"/>s. One per framework; a new computation replaces it.
/// It is derived data: the audit log keeps the appraisals it comes from, not this.
/// </summary>
public class StoredCohort : INotAudited
{
    public int Id { get; set; }
    public int FrameworkId { get; set; }
    public required string InputsKey { get; set; }
    public DateTime ComputedAt { get; set; }
    /// <summary>The ranking without its items (group columns, averages, pending units), as the API's JSON.</summary>
    public required string HeaderJson { get; set; }
    public int RowCount { get; set; }
    public List<ResultRow> Rows { get; set; } = [];
}

/// <summary>
/// One unit's row of a ranking: of the live results (<see cref="CohortId"/>) or of a publication
/// (<see cref="PublicationId"/>, never changed afterwards). The row as the API serves it is <see cref="ItemJson"/>; the
/// columns beside it are what SQL pages, filters and looks up by.
/// </summary>
public class ResultRow : INotAudited
{
    public long Id { get; set; }
    public int? CohortId { get; set; }
    public int? PublicationId { get; set; }
    public int FrameworkId { get; set; }
    public int Year { get; set; }
    /// <summary>The row's place in the ranking as the engine orders it (0 first): the order of every list.</summary>
    public int Position { get; set; }
    public int UnitId { get; set; }
    public required string UnitCode { get; set; }
    public required string UnitType { get; set; }
    public int Rank { get; set; }
    public double Total { get; set; }
    public double Score100 { get; set; }
    public string? Band { get; set; }
    /// <summary>The clusters the unit is ranked in, as "|code|code|" (empty "|" when none), for the cluster filter.</summary>
    public required string Clusters { get; set; }
    /// <summary>The row (ResultItem) as the API's JSON.</summary>
    public required string ItemJson { get; set; }
    /// <summary>What explaining the unit needs: its points per indicator and the indicators it left empty (live rows only).</summary>
    public string? ExplainJson { get; set; }
}
