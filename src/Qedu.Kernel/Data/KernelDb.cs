using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Access;
using Qedu.Kernel.Audit;
using Qedu.Kernel.Calendar;
using Qedu.Kernel.Codes;
using Qedu.Kernel.Files;
using Qedu.Kernel.Identity;
using Qedu.Kernel.Oidc;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Kernel.Secrets;

namespace Qedu.Kernel.Data;

/// <summary>
/// The kernel's data: org units and their closure, code lists, accounts and role assignments, the audit log,
/// OpenID Connect clients and keys, data-protection keys, files when the database keeps them, one-time codes sent by text message, parents' accounts. Provider-specific subclasses carry the migrations.
/// </summary>
public abstract class KernelDb(DbContextOptions options)
    : IdentityUserContext<QeduUser, Guid>(options), IDataProtectionKeyContext, IScopedDbContext, IScopeBoundContext
{
    private ScopeBinding _scope;

    public DbSet<OrgUnit> OrgUnits => Set<OrgUnit>();
    public DbSet<OrgClosure> OrgClosure => Set<OrgClosure>();
    public DbSet<CodeList> CodeLists => Set<CodeList>();
    public DbSet<CodeValue> CodeValues => Set<CodeValue>();
    public DbSet<RoleAssignment> RoleAssignments => Set<RoleAssignment>();
    public DbSet<UserSession> UserSessions => Set<UserSession>();
    public DbSet<PasswordHistoryEntry> PasswordHistory => Set<PasswordHistoryEntry>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<OneTimeCode> OneTimeCodes => Set<OneTimeCode>();
    public DbSet<OneTimeCodePhone> OneTimeCodePhones => Set<OneTimeCodePhone>();
    public DbSet<ParentAccount> ParentAccounts => Set<ParentAccount>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<AuditChainHead> AuditChainHead => Set<AuditChainHead>();
    public DbSet<OidcKey> OidcKeys => Set<OidcKey>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();
    public DbSet<KeyFingerprint> KeyFingerprints => Set<KeyFingerprint>();
    public DbSet<CalendarDay> CalendarDays => Set<CalendarDay>();
    public DbSet<CalendarYear> CalendarYears => Set<CalendarYear>();
    public DbSet<StoredFileRow> StoredFiles => Set<StoredFileRow>();
    public DbSet<StoredFileChunk> StoredFileChunks => Set<StoredFileChunk>();

    public AccessContext Access => _scope.Current;
    public bool ScopeIsUnrestricted => _scope.Current.IsSystem;
    public List<int> ScopeRoots => _scope.Current.ReadRoots;
    public Guid? ScopeParentId => _scope.Current.ParentAccountId;

    public void BindToScope(IServiceProvider scope) => _scope.Bind(scope);

    protected abstract bool IsPostgres { get; }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder) =>
        ModuleModel.ConfigureConventions(configurationBuilder, IsPostgres);

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.UseOpenIddict();

        builder.Entity<QeduUser>(b =>
        {
            b.ToTable("users");
            b.Property(u => u.DisplayName).HasMaxLength(100);
            b.Property(u => u.StaffNumber).HasMaxLength(32);
            b.HasIndex(u => u.HomeOrgUnitId);
            b.HasMany(u => u.Assignments).WithOne().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
            b.HasMany(u => u.PasswordHistory).WithOne().HasForeignKey(h => h.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<PasswordHistoryEntry>(b =>
        {
            b.ToTable("password_history");
            b.Property(h => h.Hash).HasMaxLength(256);
            b.HasIndex(h => new { h.UserId, h.SetAt });
        });
        builder.Entity<UserSession>(b =>
        {
            b.ToTable("user_sessions");
            b.Property(s => s.Id).ValueGeneratedNever();
            b.Property(s => s.EndReason).HasMaxLength(32);
            b.Property(s => s.ClientAddress).HasMaxLength(64);
            b.Property(s => s.UserAgent).HasMaxLength(256);
            b.Property(s => s.Methods).HasMaxLength(16);
            b.HasIndex(s => new { s.UserId, s.EndedAt });
            b.HasOne<QeduUser>().WithMany().HasForeignKey(s => s.UserId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SignInThrottle>(b =>
        {
            b.ToTable("sign_in_throttles");
            b.Property(t => t.Account).HasMaxLength(256);
            b.Property(t => t.ClientAddress).HasMaxLength(64);
            b.HasIndex(t => new { t.Account, t.ClientAddress }).IsUnique();
            b.HasIndex(t => t.LastFailureAt);
        });
        builder.Entity<OneTimeCode>(b =>
        {
            b.ToTable("one_time_codes");
            b.Property(c => c.Phone).HasMaxLength(11);
            b.Property(c => c.Purpose).HasMaxLength(Identity.OneTimeCodes.MaxPurposeLength);
            b.Property(c => c.CodeHash).HasMaxLength(64);
            b.Property(c => c.EndReason).HasMaxLength(32);
            // The open code for a number and purpose, and the hourly count per number.
            b.HasIndex(c => new { c.Phone, c.Purpose, c.EndedAt });
            b.HasIndex(c => new { c.Phone, c.IssuedAt });
            b.HasIndex(c => c.ExpiresAt);
        });
        builder.Entity<OneTimeCodePhone>(b =>
        {
            b.ToTable("one_time_code_phones");
            b.HasKey(p => p.Phone);
            b.Property(p => p.Phone).HasMaxLength(11);
            b.HasIndex(p => p.LastIssuedAt);
        });
        builder.Entity<ParentAccount>(b =>
        {
            // An account whose sessions never changed is at its first generation and enabled: a node believes such a
            // cookie without reading the account (ParentSessionMemory), so no writer may move either without the stamp.
            b.ToTable("parent_accounts", t => t.HasCheckConstraint("ck_parent_accounts_sessions_stamped",
                "sessions_changed_at IS NOT NULL OR (session_version = 0 AND disabled = FALSE)"));
            b.Property(a => a.Id).ValueGeneratedNever();
            b.Property(a => a.Phone).HasMaxLength(11);
            // One account per number: the index also decides between two first sign-ins at the same moment.
            b.HasIndex(a => a.Phone).IsUnique();
            // Each node asks every second for the accounts whose sessions changed lately; most never change.
            b.HasIndex(a => a.SessionsChangedAt).HasFilter("sessions_changed_at IS NOT NULL");
        });
        builder.Entity<CalendarDay>(b =>
        {
            b.ToTable("calendar_days");
            b.HasKey(d => d.Date);
            b.Property(d => d.Holiday).HasMaxLength(20);
        });
        builder.Entity<CalendarYear>(b =>
        {
            b.ToTable("calendar_years");
            b.HasKey(y => y.Year);
            b.Property(y => y.Year).ValueGeneratedNever();
            b.Property(y => y.Source).HasMaxLength(200);
            b.Property(y => y.Origin).HasMaxLength(200);
        });
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserClaim<Guid>>().ToTable("user_claims");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserLogin<Guid>>().ToTable("user_logins");
        builder.Entity<Microsoft.AspNetCore.Identity.IdentityUserToken<Guid>>().ToTable("user_tokens");

        builder.Entity<RoleAssignment>(b =>
        {
            b.ToTable("role_assignments");
            b.Property(a => a.Role).HasMaxLength(32);
            b.Property(a => a.GrantedBy).HasMaxLength(128);
            b.HasIndex(a => new { a.UserId, a.Role, a.OrgUnitId }).IsUnique();
            b.HasIndex(a => a.OrgUnitId);
            b.HasOne<OrgUnit>().WithMany().HasForeignKey(a => a.OrgUnitId).OnDelete(DeleteBehavior.Restrict);
        });

        builder.Entity<OrgUnit>(b =>
        {
            b.ToTable("org_units");
            b.Property(o => o.Code).HasMaxLength(OrgUnitRules.MaxCodeLength);
            b.HasIndex(o => o.Code).IsUnique();
            b.Property(o => o.Name).HasMaxLength(200);
            b.Property(o => o.NameEn).HasMaxLength(200);
            b.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
            b.Property(o => o.DivisionCode).HasMaxLength(12);
            b.Property(o => o.SchoolTypeCode).HasMaxLength(8);
            b.Property(o => o.OwnershipCode).HasMaxLength(8);
            b.Property(o => o.KindergartenCategoryCode).HasMaxLength(8);
            b.Property(o => o.UrbanRuralCode).HasMaxLength(8);
            b.HasOne(o => o.Parent).WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(o => new { o.ParentId, o.Kind, o.SortOrder });
        });

        builder.Entity<CodeList>(b =>
        {
            b.ToTable("code_lists");
            b.HasKey(l => l.Key);
            b.Property(l => l.Key).HasMaxLength(64);
            b.Property(l => l.NameZh).HasMaxLength(100);
            b.Property(l => l.NameEn).HasMaxLength(100);
            b.Property(l => l.Source).HasMaxLength(200);
            b.Property(l => l.Version).HasMaxLength(32);
        });
        builder.Entity<CodeValue>(b =>
        {
            b.ToTable("code_values");
            b.Property(v => v.ListKey).HasMaxLength(64);
            b.Property(v => v.Code).HasMaxLength(32);
            b.Property(v => v.NameZh).HasMaxLength(200);
            b.Property(v => v.NameEn).HasMaxLength(200);
            b.Property(v => v.ParentCode).HasMaxLength(32);
            b.Property(v => v.Extra).HasMaxLength(500);
            b.HasIndex(v => new { v.ListKey, v.Code, v.ValidFrom }).IsUnique();
            b.HasOne<CodeList>().WithMany().HasForeignKey(v => v.ListKey).OnDelete(DeleteBehavior.Cascade);
        });

        builder.Entity<OidcKey>(b =>
        {
            b.ToTable("oidc_keys");
            b.Property(k => k.Purpose).HasMaxLength(16);
        });
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        // Files kept in the database (DatabaseFileStore, when Files:Store is database): no foreign key from chunk to
        // file, since the chunks are written before the content's hash, and so its row, is known.
        builder.Entity<StoredFileRow>(b =>
        {
            b.ToTable("stored_files");
            b.HasKey(f => f.Hash);
            b.Property(f => f.Hash).HasMaxLength(FileHash.Length);
            b.HasIndex(f => f.ContentId).IsUnique();
        });
        builder.Entity<StoredFileChunk>(b =>
        {
            b.ToTable("stored_file_chunks");
            b.HasKey(c => new { c.ContentId, c.Index });
        });
        builder.Entity<KeyFingerprint>(b =>
        {
            b.ToTable("key_fingerprints");
            b.HasKey(k => k.Name);
            b.Property(k => k.Name).HasMaxLength(64);
            b.Property(k => k.Fingerprint).HasMaxLength(16);
        });

        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreApplication>().ToTable("oidc_applications");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreAuthorization>().ToTable("oidc_authorizations");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreScope>().ToTable("oidc_scopes");
        builder.Entity<OpenIddict.EntityFrameworkCore.Models.OpenIddictEntityFrameworkCoreToken>().ToTable("oidc_tokens");

        ModuleModel.MapSharedKernelTables(builder, IsPostgres, owned: true);
        // A person's own sign-in history ("my account") reads the log by user name. Only the kernel, which owns and
        // migrates the table, needs the index; the modules map the table without it.
        builder.Entity<AuditEntry>().HasIndex(e => new { e.EntityKey, e.Sequence });
        ScopeFilter.Apply(builder, this);
        ModuleModel.ApplyModuleNaming(builder, ModuleModel.KernelModule, IsPostgres);
    }
}

public sealed class KernelDbSqlite(DbContextOptions<KernelDbSqlite> options) : KernelDb(options)
{
    protected override bool IsPostgres => false;
}

public sealed class KernelDbPostgres(DbContextOptions<KernelDbPostgres> options) : KernelDb(options)
{
    protected override bool IsPostgres => true;
}
