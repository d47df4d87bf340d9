using ThiDua.Core.Units;
using ThiDua.Data.Units;

namespace ThiDua.Web.Features.Units;

/// <summary>
/// Merges, splits and renames of units (R2), applied as one transaction from a plan Core's
/// <see cref="ReorganizationPlan"/> has checked: the old units end the day before, the new ones start, lineage links them.
/// </summary>
public sealed class ReorganizationService(ThiDuaDbContext db, CurrentUser user, TimeProvider clock, Assessment.ResultsSignal results)
{
    /// <summary>Merge, split or rename in one transaction: old units end the day before, new ones start, lineage links both (R2).</summary>
    public async Task<ReorganizationResult> ReorganizeAsync(ReorganizationRequest request, CancellationToken cancellationToken = default)
    {
        var plan = new ReorganizationPlan(
            request.EffectiveDate!.Value,
            request.Kind!.Value,
            request.From.Select(c => c.Trim()).ToList(),
            request.To.Select(t => new NewUnitSpec(t.Code.Trim(), t.Name.Trim().Normalize(System.Text.NormalizationForm.FormC), t.Type!.Value, string.IsNullOrWhiteSpace(t.ParentCode) ? null : t.ParentCode.Trim())).ToList());

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var all = await db.Units.ToListAsync(cancellationToken);
        var byCode = all.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        plan.Validate(all.ToDictionary(u => u.Code, u => u.Validity, StringComparer.OrdinalIgnoreCase));

        var reorganization = new Reorganization
        {
            EffectiveDate = plan.EffectiveDate,
            Kind = plan.Kind,
            Note = request.Note,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            CreatedBy = user.UserName,
        };
        db.Reorganizations.Add(reorganization);

        var oldUnits = plan.From.Select(c => byCode[c]).ToList();
        foreach (var old in oldUnits)
        {
            old.ValidTo = plan.LastDayOfOldUnits;
        }

        var newUnits = new List<Unit>();
        foreach (var spec in plan.To)
        {
            var unit = new Unit
            {
                Code = spec.Code,
                Name = spec.Name,
                Type = spec.Type,
                Subtype = UnitTypes.SubtypeFromName(spec.Type, spec.Name),
                ValidFrom = plan.EffectiveDate,
            };
            newUnits.Add(unit);
            db.Units.Add(unit);
        }
        await db.SaveChangesAsync(cancellationToken);

        var newByCode = newUnits.ToDictionary(u => u.Code, StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < plan.To.Count; i++)
        {
            var spec = plan.To[i];
            newUnits[i].ParentId = spec.ParentCode is null ? null
                : newByCode.TryGetValue(spec.ParentCode, out var newParent) ? newParent.Id : byCode[spec.ParentCode].Id;
            foreach (var old in oldUnits)
            {
                db.UnitLineage.Add(new UnitLineage { PredecessorId = old.Id, SuccessorId = newUnits[i].Id, EffectiveDate = plan.EffectiveDate, Reorganization = reorganization });
            }
        }

        // Children still valid after the change follow a merged or renamed parent; after a split nobody can tell
        // which half they belong to, so they are listed for the Secretariat to reassign.
        var oldIds = oldUnits.Select(u => u.Id).ToHashSet();
        var children = all.Where(u => u.ParentId is int p && oldIds.Contains(p) && u.Validity.Contains(plan.EffectiveDate) && !oldIds.Contains(u.Id)).ToList();
        var reparented = new List<string>();
        var toReassign = new List<string>();
        foreach (var child in children)
        {
            if (plan.Kind == ReorganizationKind.Split)
            {
                toReassign.Add(child.Code);
            }
            else
            {
                child.ParentId = newUnits[0].Id;
                reparented.Add(child.Code);
            }
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        // Lineage changed: rankings compare with last year through it.
        results.Nudge();
        return new ReorganizationResult(reorganization.Id, plan.EffectiveDate, plan.Kind,
            oldUnits.Select(u => u.Code).ToList(), newUnits.Select(u => u.Code).ToList(), reparented, toReassign);
    }
}
