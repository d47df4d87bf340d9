namespace ThiDua.Web.Features.Dashboard;

/// <summary>A share of a whole: <see cref="Rate"/> is null when nothing was due.</summary>
public sealed record RateDto(int Count, int Total, double? Rate)
{
    public static RateDto Of(int count, int total) => new(count, total, total == 0 ? null : Math.Round((double)count / total, 4));
}

public sealed record AssessmentProgressDto(string UnitType, int Draft, int Submitted, int Returned, int Appraised, int Total);

public sealed record BandCountDto(string Band, int Count);

public sealed record DistributionDto(string FrameworkCode, string FrameworkName, string UnitType, IReadOnlyList<BandCountDto> Bands);

public sealed record MoverDto(string FrameworkCode, string UnitCode, string UnitName, double Score100, double PreviousScore100, double Change100, string Basis);

public sealed record OffTrackTargetDto(string Code, string Text, string Status);

public sealed record StatusCountDto(string Status, int Count);

public sealed record OverdueTaskDto(int Id, string Code, string Title, DateOnly DueDate, IReadOnlyList<string> UnitCodes);

public sealed record OverdueRecommendationDto(int PlanId, string PlanTitle, int RecommendationId, string UnitCode, string UnitName, string Text, DateOnly DueDate);

/// <summary>
/// The leaders' dashboard (issue 12, item 5). Registration and reporting are of <see cref="Year"/>; assessment progress,
/// the DTI distribution and the movers are of <see cref="DtiYear"/>, the latest DTI year up to it that has a framework.
/// Lists are the first few; their totals are in the counts.
/// </summary>
public sealed record DashboardDto(
    int Year,
    string? MovementCode,
    RateDto? Registration,
    RateDto? Reporting,
    int? DtiYear,
    IReadOnlyList<AssessmentProgressDto> Assessments,
    IReadOnlyList<DistributionDto> Distribution,
    IReadOnlyList<MoverDto> Risers,
    IReadOnlyList<MoverDto> Fallers,
    int TargetsOffTrack,
    IReadOnlyList<OffTrackTargetDto> OffTrackTargets,
    IReadOnlyList<StatusCountDto> Nominations,
    int OverdueTasks,
    IReadOnlyList<OverdueTaskDto> OverdueTaskList,
    int OverdueRecommendations,
    IReadOnlyList<OverdueRecommendationDto> OverdueRecommendationList);
