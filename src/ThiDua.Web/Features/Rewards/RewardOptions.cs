using Microsoft.Extensions.Options;
using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The reward settings (<c>Rewards__…</c>), bound once and checked when the app starts: a wrong value stops the start
/// with a message naming the setting, instead of surfacing later in a council's count. The defaults are Core's.
/// </summary>
public sealed class RewardOptions
{
    public const string Section = "Rewards";

    /// <summary>Working days a passed nomination stays on public notice.</summary>
    public int NoticeWorkingDays { get; set; } = PublicNotice.DefaultWorkingDays;

    /// <summary>Share of a unit's assigned tasks that must be completed for it to be eligible.</summary>
    public double TaskCompletionThreshold { get; set; } = Eligibility.DefaultTaskThreshold;

    /// <summary>The council's rules, with an override per award (<c>Rewards__Council__ChairmanCertificate__Quorum</c>).</summary>
    public CouncilSettings Council { get; set; } = new();

    /// <summary>The rules a council session for <paramref name="award"/> starts with: the award's own settings over the general ones.</summary>
    public CouncilRules CouncilRulesFor(AwardLevel award)
    {
        var own = Council.For(award);
        return new CouncilRules(
            own?.Quorum ?? Council.Quorum,
            own?.PassFraction ?? Council.PassFraction,
            own?.PassOfMembers ?? Council.PassOfMembers);
    }
}

public sealed class CouncilSettings
{
    public double Quorum { get; set; } = CouncilRules.Default.QuorumFraction;
    public double PassFraction { get; set; } = CouncilRules.Default.PassFraction;
    public bool PassOfMembers { get; set; } = CouncilRules.Default.PassOfMembers;

    public CouncilOverride? UnitCertificate { get; set; }
    public CouncilOverride? ChairmanCertificate { get; set; }
    public CouncilOverride? StateAward { get; set; }

    public CouncilOverride? For(AwardLevel award) => award switch
    {
        AwardLevel.UnitCertificate => UnitCertificate,
        AwardLevel.ChairmanCertificate => ChairmanCertificate,
        _ => StateAward,
    };
}

public sealed class CouncilOverride
{
    public double? Quorum { get; set; }
    public double? PassFraction { get; set; }
    public bool? PassOfMembers { get; set; }
}

/// <summary>Checks every reward setting at start; each fault names its environment variable and says what it must be.</summary>
public sealed class RewardOptionsValidator : IValidateOptions<RewardOptions>
{
    public ValidateOptionsResult Validate(string? name, RewardOptions options)
    {
        var faults = new List<string>();
        if (options.NoticeWorkingDays is < PublicNotice.MinWorkingDays or > PublicNotice.MaxWorkingDays)
        {
            faults.Add($"Rewards__NoticeWorkingDays = {options.NoticeWorkingDays}: số ngày làm việc công khai phải từ {PublicNotice.MinWorkingDays} đến {PublicNotice.MaxWorkingDays}.");
        }
        if (options.TaskCompletionThreshold is < 0 or > 1 || double.IsNaN(options.TaskCompletionThreshold))
        {
            faults.Add($"Rewards__TaskCompletionThreshold = {options.TaskCompletionThreshold}: tỷ lệ nhiệm vụ hoàn thành phải từ 0 đến 1 (1 = toàn bộ).");
        }
        Share("Rewards__Council__Quorum", options.Council.Quorum, "túc số (tỷ lệ thành viên phải bỏ phiếu)", faults);
        Share("Rewards__Council__PassFraction", options.Council.PassFraction, "tỷ lệ đồng ý để thông qua", faults);
        foreach (var award in Enum.GetValues<AwardLevel>())
        {
            if (options.Council.For(award) is { } own)
            {
                Share($"Rewards__Council__{award}__Quorum", own.Quorum, "túc số (tỷ lệ thành viên phải bỏ phiếu)", faults);
                Share($"Rewards__Council__{award}__PassFraction", own.PassFraction, "tỷ lệ đồng ý để thông qua", faults);
            }
        }
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }

    private static void Share(string setting, double? value, string meaning, List<string> faults)
    {
        if (value is { } v && (v is < 0 or > 1 || double.IsNaN(v)))
        {
            faults.Add($"{setting} = {v}: {meaning} là một tỷ lệ từ 0 đến 1, ví dụ 0.6667 cho hai phần ba.");
        }
    }
}
