namespace ThiDua.Web.Features.Assessment;

public sealed record GroupItem(string Code, double? Value, double Points, double MaxPoints);

public sealed record UncertaintyItem(double RankMedian, double RankP5, double RankP95);

/// <summary>Last year: the unit's own result, or the mean of its predecessors' (basis "predecessors").</summary>
public sealed record PreviousItem(string FrameworkCode, double Total, double Score100, int Rank, string Basis, IReadOnlyList<string> UnitCodes, double Change100);

/// <summary>One row of the ranking (API.md): totals on the framework's scale, score out of 100, competition ranks.</summary>
public sealed record ResultItem(
    string UnitCode,
    string UnitName,
    string UnitType,
    string? Subtype,
    double Total,
    double Score100,
    string? Band,
    int Rank,
    int RankInType,
    int? RankInCluster,
    IReadOnlyDictionary<string, int> RankInClusters,
    IReadOnlyList<GroupItem> Groups,
    UncertaintyItem Uncertainty,
    PreviousItem? Previous,
    IReadOnlyList<string> Flags);

public sealed record GroupHeader(string Code, string Name, int Depth, double MaxPoints, bool Scored);

/// <summary>A framework's ranking: the rows, the group columns, and whether it is the published snapshot.</summary>
public sealed record ResultsDto(
    string FrameworkCode,
    string FrameworkName,
    int Year,
    string UnitType,
    double ScaleMax,
    IReadOnlyList<string> Bands,
    bool Published,
    DateTime? PublishedAt,
    string? Sha256,
    IReadOnlyList<GroupHeader> GroupColumns,
    IReadOnlyList<double?> GroupAverages,
    IReadOnlyList<string> Pending,
    IReadOnlyList<ResultItem> Items);

public sealed record ResultsPage(
    string FrameworkCode,
    string FrameworkName,
    int Year,
    string UnitType,
    double ScaleMax,
    bool Published,
    DateTime? PublishedAt,
    string? Sha256,
    string? ClusterCode,
    IReadOnlyList<GroupHeader> GroupColumns,
    IReadOnlyList<ResultItem> Items,
    int Total,
    int Page,
    int PageSize);

public sealed record GapItem(string IndicatorCode, string IndicatorName, string GroupCode, double MaxPoints, double Points, double Lost);

public sealed record ExplanationDto(
    string FrameworkCode,
    string UnitCode,
    string UnitName,
    double Total,
    double Score100,
    string? Band,
    int Rank,
    IReadOnlyList<GapItem> Gaps,
    string? NextBand,
    double? PointsToNextBand,
    int? NextRank,
    double? PointsToNextRank,
    IReadOnlyList<string> Missing);

/// <summary>
/// A publication. <see cref="Unappraised"/> names the units of the framework's cohort left out because they are not
/// appraised yet (an assessment still open, or none started); <see cref="Warning"/> says so in words when there are any.
/// </summary>
public sealed record PublicationDto(string FrameworkCode, DateTime PublishedAt, string Sha256, int Units, IReadOnlyList<string> Pending,
    IReadOnlyList<UnappraisedUnit>? Unappraised = null, string? Warning = null);

/// <summary>
/// A unit that a framework's ranking would leave out: <c>status</c> is its assessment's (<c>draft</c>, <c>submitted</c>,
/// <c>returned</c>) or <c>not_started</c>; <c>statusName</c> says it in Vietnamese.
/// </summary>
public sealed record UnappraisedUnit(string UnitCode, string UnitName, string Status, string StatusName);
