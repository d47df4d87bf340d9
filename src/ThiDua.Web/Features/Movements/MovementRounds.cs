using ThiDua.Core.Rewards;
using ThiDua.Data.Movements;
using ReviewRound = ThiDua.Core.Rewards.ReviewRound;

namespace ThiDua.Web.Features.Movements;

/// <summary>A movement's review rounds (ADR 015): set by the Secretariat with the movement, read as Core's <see cref="ReviewRound"/>.</summary>
public static class MovementRounds
{
    /// <summary>
    /// The review rounds as the Secretariat sets them: one per kind and year, within the movement's years, reviewed in
    /// their own year; named DTI years not after the review; a named task period one of the movement's phases. Rounds
    /// that nominations already use keep their identity (same code), so their dossiers stay attached.
    /// </summary>
    public static void Apply(Movement movement, List<RoundRequest> rounds)
    {
        var faults = new List<string>();
        foreach (var round in rounds)
        {
            var name = $"{Core.Text.ApiCodes.Code(round.Kind!.Value)} {round.Year}";
            if (round.Year < movement.StartDate.Year || round.Year > movement.EndDate.Year)
            {
                faults.Add($"Đợt {name}: năm ngoài thời gian của phong trào ({movement.StartDate.Year}–{movement.EndDate.Year}).");
            }
            if (round.ReviewDate!.Value.Year != round.Year)
            {
                faults.Add($"Đợt {name}: ngày xét phải trong năm {round.Year}.");
            }
            if (round.DtiYears is { } years && years.Any(y => y < 2000 || y > round.ReviewDate.Value.Year))
            {
                faults.Add($"Đợt {name}: năm DTI được xét phải từ 2000 đến năm xét {round.ReviewDate.Value.Year}.");
            }
            if (round.TaskPhase is { Length: > 0 } phase && !movement.Phases.Any(p => p.Code == phase.Trim()))
            {
                faults.Add($"Đợt {name}: phong trào không có giai đoạn mã {phase}.");
            }
        }
        if (rounds.GroupBy(r => (r.Kind, r.Year)).Any(g => g.Count() > 1))
        {
            faults.Add("Mỗi loại đợt có một đợt mỗi năm.");
        }
        if (faults.Count > 0)
        {
            throw new DomainException("Các đợt xét khen thưởng chưa hợp lệ.", new Dictionary<string, string[]> { ["rounds"] = [.. faults] });
        }
        var wanted = rounds.Select(r => new ThiDua.Data.Movements.ReviewRound
        {
            Code = string.IsNullOrWhiteSpace(r.Code) ? Rounds.DefaultCode(r.Kind!.Value, r.Year!.Value) : r.Code.Trim(),
            Kind = r.Kind!.Value,
            Year = r.Year!.Value,
            ReviewDate = r.ReviewDate!.Value,
            DtiYears = string.Join(',', (r.DtiYears ?? []).Distinct().Order()),
            TaskPhaseCode = string.IsNullOrWhiteSpace(r.TaskPhase) ? null : r.TaskPhase.Trim(),
        }).ToList();
        if (wanted.GroupBy(r => r.Code).Any(g => g.Count() > 1))
        {
            throw DomainException.ForField("rounds", "Mã đợt bị trùng.");
        }
        foreach (var round in movement.Rounds.ToList())
        {
            if (wanted.FirstOrDefault(w => w.Code == round.Code) is { } update)
            {
                (round.Kind, round.Year, round.ReviewDate, round.DtiYears, round.TaskPhaseCode) = (update.Kind, update.Year, update.ReviewDate, update.DtiYears, update.TaskPhaseCode);
            }
            else
            {
                movement.Rounds.Remove(round);
            }
        }
        movement.Rounds.AddRange(wanted.Where(w => !movement.Rounds.Any(r => r.Code == w.Code)));
    }

    /// <summary>The movement's rounds as Core's <see cref="ReviewRound"/>: with their DTI years and the dates of their task period.</summary>
    public static IReadOnlyList<ReviewRound> ToRounds(this Movement movement) => movement.Rounds.Select(r => new ReviewRound(
        r.Code, r.Kind, r.Year, r.ReviewDate,
        r.DtiYears.Split(',', StringSplitOptions.RemoveEmptyEntries).Select(y => int.Parse(y, System.Globalization.CultureInfo.InvariantCulture)).ToList(),
        movement.Phases.FirstOrDefault(p => p.Code == r.TaskPhaseCode) is { } phase
            ? new Phase(phase.Code, phase.Name, phase.StartDate, phase.EndDate)
            : Rounds.DefaultTaskPhase(r.Kind, r.Year, movement.StartDate))).ToList();
}
