namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>A record that belongs to one unit, as the unit-scope rule sees it.</summary>
public sealed record UnitResource(int UnitId);

/// <summary>
/// "Only your own unit" (DESIGN.md, Roles), as one rule for services and pages alike. Unit reporters and leaders are
/// bound to one unit; province-wide roles read every unit, and the standing agency and the administrator also act for
/// any. Each operation names who passes:
/// </summary>
public sealed class UnitScope : IAuthorizationRequirement
{
    private UnitScope(string name) => Name = name;

    public string Name { get; }

    /// <summary>Reads the unit's data: a province-wide reader, or the unit's own staff.</summary>
    public static readonly UnitScope Read = new(nameof(Read));

    /// <summary>Writes for the unit (registration, reports, progress, nominations): the Secretariat or Admin, or the unit's own staff.</summary>
    public static readonly UnitScope Act = new(nameof(Act));

    /// <summary>What only the unit's own people do (its self-assessment values, its problems raised): its reporter or leader.</summary>
    public static readonly UnitScope Staff = new(nameof(Staff));

    /// <summary>What only the unit's leader does (submit its assessment, report or dossier).</summary>
    public static readonly UnitScope Lead = new(nameof(Lead));
}

public sealed class UnitScopeHandler : AuthorizationHandler<UnitScope, UnitResource>
{
    protected override Task HandleRequirementAsync(AuthorizationHandlerContext context, UnitScope requirement, UnitResource resource)
    {
        var user = context.User;
        var ownUnit = user.UnitId() == resource.UnitId;
        var staff = ownUnit && Roles.UnitScoped.Any(user.IsInRole);
        var allowed = requirement.Name switch
        {
            nameof(UnitScope.Read) => staff || Roles.ReadEveryUnit.Any(user.IsInRole),
            nameof(UnitScope.Act) => staff || Roles.ActForEveryUnit.Any(user.IsInRole),
            nameof(UnitScope.Staff) => staff,
            nameof(UnitScope.Lead) => ownUnit && user.IsInRole(Roles.UnitLeader),
            _ => false,
        };
        if (allowed)
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
