using ThiDua.Core.Rewards;
using ThiDua.Core.Text;
using ThiDua.Data.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// State awards (R11): the province does not decide them. The Reward Board sends a proposal (Tờ trình, "05/TTr-UBND" in
/// the province's register) of the nominations the council passed — they become <c>proposed</c>, and no reward exists
/// yet; when the President's or the Prime Minister's decision arrives it is recorded, and only a granted award enters the
/// history, under that issuer.
/// </summary>
public sealed class StateProposalService(ThiDuaDbContext db, RewardRulesService rules, NominationNotices notices, CurrentUser user, TimeProvider clock)
{
    public async Task<StateProposalDto> ProposeAsync(StateProposalRequest request, CancellationToken cancellationToken = default)
    {
        var ids = request.NominationIds.Distinct().ToList();
        var list = await db.Nominations.Include(n => n.Steps).Where(n => ids.Contains(n.Id)).ToListAsync(cancellationToken);
        var unknown = ids.Except(list.Select(n => n.Id)).ToList();
        if (unknown.Count > 0)
        {
            throw DomainException.ForField("nominationIds", $"Không có hồ sơ số: {string.Join(", ", unknown)}.");
        }
        var date = request.Date!.Value;
        DecisionRules.EnsureSigned(date, VietnamTime.Today(clock));
        var ruleSet = await rules.InForceAsync(AwardLevel.StateAward, date, cancellationToken);
        foreach (var nomination in list)
        {
            // A Bằng khen or a Giấy khen is refused by its own rule set (400): the province decides those itself.
            RewardRoute.EnsureCanPropose(nomination.Award == AwardLevel.StateAward ? ruleSet : await rules.InForceAsync(nomination.Award, date, cancellationToken), nomination.Status);
        }
        var province = await db.Units.FirstAsync(u => u.Type == Core.Units.UnitType.Province, cancellationToken);
        var suffix = $"TTr-{province.Abbreviation ?? DecisionRules.ProvinceBody}";
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var sequence = (await db.StateProposals.Where(p => p.Year == date.Year).MaxAsync(p => (int?)p.Sequence, cancellationToken) ?? 0) + 1;
        var proposal = new StateProposal
        {
            Year = date.Year,
            Sequence = sequence,
            Number = DecisionNumbers.Format(sequence, suffix),
            Date = date,
            SignerName = request.SignerName.Trim(),
            SignerTitle = request.SignerTitle.Trim(),
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        db.StateProposals.Add(proposal);
        await db.SaveChangesAsync(cancellationToken);
        foreach (var nomination in list)
        {
            nomination.StateProposalId = proposal.Id;
            nomination.MoveTo(NominationStatus.Proposed, user.UserName, proposal.CreatedAt, $"Tờ trình số {proposal.Number} ngày {date:dd/MM/yyyy} đề nghị cấp trên khen thưởng");
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        foreach (var nomination in list)
        {
            await notices.StepAsync(nomination, nomination.Steps[^1].Reason, cancellationToken);
        }
        return new StateProposalDto(proposal.Id, proposal.Number, proposal.Date, proposal.SignerName, proposal.SignerTitle, null, null, ids);
    }

    /// <summary>Records the central decision on a proposed nomination: granted → a reward under that issuer; not granted → rejected.</summary>
    public async Task<NominationDto> RecordCentralDecisionAsync(int id, CentralDecisionRequest request, NominationService nominations, CancellationToken cancellationToken = default)
    {
        var nomination = await db.Nominations.Include(n => n.Steps).Include(n => n.NomineeUnit).FindTrackedAsync(id, cancellationToken);
        if (nomination.Status != NominationStatus.Proposed)
        {
            throw new ConflictException("Chỉ ghi nhận quyết định của cấp trên cho hồ sơ tỉnh đã trình (đã có Tờ trình).");
        }
        var date = request.Date!.Value;
        DecisionRules.EnsureSigned(date, VietnamTime.Today(clock));
        var now = clock.GetUtcNow().UtcDateTime;
        var number = request.Number.Trim();
        var issuer = request.Issuer.Trim();
        if (request.Granted != true)
        {
            nomination.MoveTo(NominationStatus.Rejected, user.UserName, now, $"{issuer} không khen thưởng (văn bản số {number} ngày {date:dd/MM/yyyy})");
            await db.SaveChangesAsync(cancellationToken);
            await notices.StepAsync(nomination, nomination.Steps[^1].Reason, cancellationToken);
            return await nominations.GetAsync(id, cancellationToken);
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // The central register is not ours: the decision keeps its own number and takes no sequence of any body here.
        var decision = await db.Decisions.Include(d => d.Rewards).FirstOrDefaultAsync(d => d.Central && d.Number == number && d.Date == date, cancellationToken)
            ?? new RewardDecision
            {
                IssuingBody = "TW",
                Year = date.Year,
                Number = number,
                Date = date,
                SignerName = issuer,
                SignerTitle = issuer,
                Issuer = issuer,
                Central = true,
                CreatedAt = now,
                CreatedBy = user.UserName,
            };
        var reward = DecisionService.ToReward(nomination);
        var ruleSet = await rules.InForceAsync(AwardLevel.StateAward, date, cancellationToken);
        (reward.MoneyCoefficient, reward.MoneyAmount) = DecisionService.Money(ruleSet, nomination.NomineeKind, await rules.BaseSalaryAsync(date, cancellationToken));
        decision.Rewards.Add(reward);
        if (decision.Id == 0)
        {
            db.Decisions.Add(decision);
        }
        nomination.MoveTo(NominationStatus.Decided, user.UserName, now, $"Quyết định số {number} ngày {date:dd/MM/yyyy} của {issuer}");
        await db.SaveChangesAsync(cancellationToken);
        nomination.DecisionId = decision.Id;
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        await notices.StepAsync(nomination, nomination.Steps[^1].Reason, cancellationToken);
        return await nominations.GetAsync(id, cancellationToken);
    }
}
