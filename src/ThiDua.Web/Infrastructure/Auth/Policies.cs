namespace ThiDua.Web.Infrastructure.Auth;

/// <summary>
/// Every endpoint and page names one of these policies (STYLE.md §7). Unit scope ("only your own unit") and the
/// other per-record rules are resource handlers on top of them (<see cref="UnitScope"/>, asked through <see cref="CurrentUser"/>).
/// </summary>
public static class Policies
{
    /// <summary>Anyone, signed in or not: login page, public pages, open data, health.</summary>
    public const string Public = nameof(Public);

    /// <summary>Any signed-in user.</summary>
    public const string SignedIn = nameof(SignedIn);

    public const string Admin = nameof(Admin);

    /// <summary>Creates and edits units, reorganizations and clusters: the Secretariat and Admin.</summary>
    public const string ManageUnits = nameof(ManageUnits);

    /// <summary>Acts for a unit (its reporter or leader) or for any unit (Secretariat, Admin); the unit is then checked.</summary>
    public const string UnitWork = nameof(UnitWork);

    /// <summary>Uploads files (evidence, attachments): every role that writes something a file can support.</summary>
    public const string Upload = nameof(Upload);

    /// <summary>Runs the assessment: frameworks, appraisal, finalisation, publication (the Secretariat, and Admin).</summary>
    public const string Secretariat = nameof(Secretariat);

    /// <summary>Reads every unit's data: province-wide roles.</summary>
    public const string ProvinceReader = nameof(ProvinceReader);

    /// <summary>Problems raised with the Department of Home Affairs: units, the Reward Board, the Secretariat, Admin.</summary>
    public const string Feedback = nameof(Feedback);

    /// <summary>Reads the audit log and verifies its chain.</summary>
    public const string ViewAudit = nameof(ViewAudit);

    /// <summary>Proposes rewards and keeps the dossier: units (their reporter and leader; the leader submits) and the Reward Board.</summary>
    public const string Nominate = nameof(Nominate);

    /// <summary>Receives, returns and rejects dossiers, ticks criteria, convenes the council, runs the public notice: the Reward Board and Admin.</summary>
    public const string RewardBoard = nameof(RewardBoard);

    /// <summary>Sees council sessions: the Reward Board, Admin and council members (each only the sessions they sit in).</summary>
    public const string Council = nameof(Council);

    /// <summary>Casts a secret ballot: council members only.</summary>
    public const string CouncilVote = nameof(CouncilVote);

    /// <summary>Issues reward decisions: the Reward Board for the Chairman, a unit's leader for its own certificates.</summary>
    public const string Decide = nameof(Decide);

    /// <summary>Drafts official documents for the province (the consolidated report): who keeps dossiers — the Reward Board, the Secretariat, Admin.</summary>
    public const string DraftDocuments = nameof(DraftDocuments);

    /// <summary>Reads inspection plans (R15): province-wide roles except the council, and units' staff (their own plans only, checked by the service).</summary>
    public const string Inspections = nameof(Inspections);

    /// <summary>Makes inspection plans: the Secretariat, the Reward Board and Admin.</summary>
    public const string PlanInspections = nameof(PlanInspections);

    /// <summary>Records visits and findings: inspectors (only of their own plans, checked by the service).</summary>
    public const string Inspect = nameof(Inspect);

    /// <summary>Answers an inspection's recommendation: a unit's reporter or leader (own unit only).</summary>
    public const string RespondToInspections = nameof(RespondToInspections);

    /// <summary>The leaders' dashboard: the province's leaders and above — Leader, the Secretariat, the Reward Board, Admin.</summary>
    public const string Leadership = nameof(Leadership);

    public static void Add(AuthorizationOptions options)
    {
        options.AddPolicy(Public, p => p.RequireAssertion(_ => true));
        options.AddPolicy(SignedIn, p => p.RequireAuthenticatedUser());
        options.AddPolicy(Admin, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(ManageUnits, p => p.RequireRole(Roles.Admin, Roles.Secretariat));
        options.AddPolicy(UnitWork, p => p.RequireRole(Roles.Admin, Roles.Secretariat, Roles.UnitReporter, Roles.UnitLeader));
        options.AddPolicy(ViewAudit, p => p.RequireRole(Roles.Admin));
        options.AddPolicy(Upload, p => p.RequireRole(Roles.Admin, Roles.Secretariat, Roles.RewardBoard, Roles.Inspector, Roles.UnitReporter, Roles.UnitLeader));
        options.AddPolicy(Feedback, p => p.RequireRole(Roles.Admin, Roles.Secretariat, Roles.RewardBoard, Roles.UnitReporter, Roles.UnitLeader));
        options.AddPolicy(Secretariat, p => p.RequireRole(Roles.Admin, Roles.Secretariat));
        options.AddPolicy(Nominate, p => p.RequireRole(Roles.Admin, Roles.RewardBoard, Roles.UnitReporter, Roles.UnitLeader));
        options.AddPolicy(RewardBoard, p => p.RequireRole(Roles.Admin, Roles.RewardBoard));
        options.AddPolicy(Council, p => p.RequireRole(Roles.Admin, Roles.RewardBoard, Roles.CouncilMember));
        options.AddPolicy(CouncilVote, p => p.RequireRole(Roles.CouncilMember));
        options.AddPolicy(Decide, p => p.RequireRole(Roles.Admin, Roles.RewardBoard, Roles.UnitLeader));
        options.AddPolicy(ProvinceReader, p => p.RequireRole(Roles.ReadEveryUnit.ToArray()));
        options.AddPolicy(DraftDocuments, p => p.RequireRole(Roles.KeepDossiers.ToArray()));
        options.AddPolicy(Inspections, p => p.RequireRole(Roles.Admin, Roles.Secretariat, Roles.RewardBoard, Roles.Leader, Roles.Inspector, Roles.UnitReporter, Roles.UnitLeader));
        options.AddPolicy(PlanInspections, p => p.RequireRole(Roles.Admin, Roles.Secretariat, Roles.RewardBoard));
        options.AddPolicy(Inspect, p => p.RequireRole(Roles.Inspector));
        options.AddPolicy(RespondToInspections, p => p.RequireRole(Roles.UnitReporter, Roles.UnitLeader));
        options.AddPolicy(Leadership, p => p.RequireRole(Roles.Admin, Roles.Secretariat, Roles.RewardBoard, Roles.Leader));

        // Anything that forgot to name a policy is closed, not open.
        options.FallbackPolicy = options.GetPolicy(SignedIn);
    }
}
