using Microsoft.Extensions.Options;
using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The reward settings (<c>Rewards__…</c>), bound once and checked when the app starts: a wrong value stops the start
/// with a message naming the setting. The council's shares, the notice and the money are not settings but dated rule
/// sets (<see cref="RewardRulesService"/>, ADR 015).
/// </summary>
public sealed class RewardOptions
{
    public const string Section = "Rewards";

    /// <summary>Share of a unit's assigned tasks that must be completed for it to be eligible.</summary>
    public double TaskCompletionThreshold { get; set; } = Eligibility.DefaultTaskThreshold;
}

/// <summary>Checks every reward setting at start; each fault names its environment variable and says what it must be.</summary>
public sealed class RewardOptionsValidator : IValidateOptions<RewardOptions>
{
    public ValidateOptionsResult Validate(string? name, RewardOptions options)
    {
        var faults = new List<string>();
        if (options.TaskCompletionThreshold is < 0 or > 1 || double.IsNaN(options.TaskCompletionThreshold))
        {
            faults.Add($"Rewards__TaskCompletionThreshold = {options.TaskCompletionThreshold}: tỷ lệ nhiệm vụ hoàn thành phải từ 0 đến 1 (1 = toàn bộ).");
        }
        return faults.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(faults);
    }
}
