using ThiDua.Core.Rewards;

namespace ThiDua.Web.Features.Rewards;

/// <summary>
/// The units a dossier belongs to: the one that proposes it and, for a collective or an enterprise, the nominee; and
/// whether it is still a draft, which is the unit's own until it is submitted.
/// </summary>
public sealed record NominationScope(int ProposingUnitId, int? NomineeUnitId, bool IsDraft = false);

/// <summary>Who may do what with one dossier (R10–R12).</summary>
public sealed class NominationAccess : IAuthorizationRequirement
{
    private NominationAccess(string name) => Name = name;

    public string Name { get; }

    /// <summary>
    /// Province-wide readers, and the staff of the proposing or the nominated unit. A draft only the unit's staff and those
    /// who keep dossiers for units (Reward Board, Secretariat, Admin): council members, leaders and inspectors see a dossier
    /// once it is submitted.
    /// </summary>
    public static readonly NominationAccess Read = new(nameof(Read));

    /// <summary>Keeps the dossier (its content and documents): the Reward Board, the Secretariat, Admin, and the proposing unit's staff.</summary>
    public static readonly NominationAccess Prepare = new(nameof(Prepare));

    /// <summary>Submits it: the proposing unit's leader only.</summary>
    public static readonly NominationAccess Submit = new(nameof(Submit));
}

public sealed class NominationAccessHandler : AuthorizationHandler<NominationAccess, NominationScope>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, NominationAccess requirement, NominationScope resource)
    {
        var user = context.User;
        var unit = user.UnitId();
        var staff = Roles.UnitScoped.Any(user.IsInRole);
        var allowed = requirement.Name switch
        {
            nameof(NominationAccess.Read) => (resource.IsDraft ? Roles.KeepDossiers : Roles.ReadEveryUnit).Any(user.IsInRole)
                || (unit is not null && (unit == resource.ProposingUnitId || unit == resource.NomineeUnitId)),
            nameof(NominationAccess.Prepare) => Roles.RewardHandlers.Any(user.IsInRole) || Roles.ActForEveryUnit.Any(user.IsInRole)
                || (staff && unit == resource.ProposingUnitId),
            nameof(NominationAccess.Submit) => user.IsInRole(Roles.UnitLeader) && unit == resource.ProposingUnitId,
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>The members a council session was convened with (their Identity ids).</summary>
public sealed record SessionMembership(IReadOnlyCollection<string> MemberUserIds);

/// <summary>"Council member of this session" (STYLE.md §7): who sees a session and who votes in it.</summary>
public sealed class CouncilSessionAccess : IAuthorizationRequirement
{
    private CouncilSessionAccess(string name) => Name = name;

    public string Name { get; }

    /// <summary>The Reward Board, Admin, and the members of the session.</summary>
    public static readonly CouncilSessionAccess See = new(nameof(See));

    /// <summary>A council member who sits in the session.</summary>
    public static readonly CouncilSessionAccess Vote = new(nameof(Vote));
}

public sealed class CouncilSessionAccessHandler : AuthorizationHandler<CouncilSessionAccess, SessionMembership>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, CouncilSessionAccess requirement, SessionMembership resource)
    {
        var user = context.User;
        var member = user.FindFirst(System.Security.Claims.ClaimTypes.NameIdentifier)?.Value is { } id && resource.MemberUserIds.Contains(id);
        var allowed = requirement.Name switch
        {
            nameof(CouncilSessionAccess.See) => member || Roles.RewardHandlers.Any(user.IsInRole),
            nameof(CouncilSessionAccess.Vote) => member && user.IsInRole(Roles.CouncilMember),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}

/// <summary>
/// Who records a decision of an issuer (R11): the Reward Board (or Admin) keeps the Chairman's register; a unit's
/// leader decides the unit's own certificates (Admin may record them too).
/// </summary>
public sealed class IssueDecision : IAuthorizationRequirement
{
    public static readonly IssueDecision Requirement = new();
}

public sealed class IssueDecisionHandler : AuthorizationHandler<IssueDecision, DecisionIssuer>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, IssueDecision requirement, DecisionIssuer resource)
    {
        var user = context.User;
        var allowed = resource.IsProvince
            ? Roles.RewardHandlers.Any(user.IsInRole)
            : user.IsInRole(Roles.Admin) || (user.IsInRole(Roles.UnitLeader) && user.UnitId() == resource.UnitId);
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
