using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using Qedu.Kernel.Access;
using Qedu.Kernel.OrgUnits;
using Qedu.Kernel.Persistence;
using Qedu.Registry.Domain;

namespace Qedu.Registry.Data;

/// <summary>The registry's own data, in its own schema ("registry") or table prefix.</summary>
internal abstract class RegistryDb(DbContextOptions options) : EncryptedModuleDbContext(options, Module)
{
    public const string Module = "registry";

    public DbSet<SchoolProfile> SchoolProfiles => Set<SchoolProfile>();
    public DbSet<Campus> Campuses => Set<Campus>();
    public DbSet<SchoolClass> Classes => Set<SchoolClass>();
    public DbSet<Student> Students => Set<Student>();
    public DbSet<Guardian> Guardians => Set<Guardian>();
    public DbSet<Enrolment> Enrolments => Set<Enrolment>();
    public DbSet<Staff> Staff => Set<Staff>();
    public DbSet<StaffPosting> StaffPostings => Set<StaffPosting>();
    public DbSet<TeachingAssignment> TeachingAssignments => Set<TeachingAssignment>();
    public DbSet<Asset> Assets => Set<Asset>();
    public DbSet<Change> Changes => Set<Change>();
    public DbSet<MirrorCursor> MirrorCursors => Set<MirrorCursor>();
    public DbSet<ImportHistoryEntry> ImportHistory => Set<ImportHistoryEntry>();
    public DbSet<ImportJobRow> ImportJobs => Set<ImportJobRow>();

    /// <summary>The query filter that shows a teacher the students of their own classes only (see <see cref="RoleDefinition.OwnClassesOnly"/>).</summary>
    public const string OwnClassesFilter = "OwnClasses";

    /// <summary>The caller reads the registry through a role limited to its holder's classes (a teacher).</summary>
    public bool ReadsOwnClassesOnly =>
        !Access.IsSystem && Access.Grants.Any(g => g.Permissions.Contains(Permissions.RegistryRead) && Roles.Find(g.Role)?.OwnClassesOnly == true);

    /// <summary>Where the caller reads every student all the same: under grants of other roles (a teacher who is also a school administrator).</summary>
    public List<int> WholeStudentRoots =>
        Access.Grants.Where(g => g.Permissions.Contains(Permissions.RegistryRead) && Roles.Find(g.Role)?.OwnClassesOnly != true)
            .Select(g => g.OrgUnitId).Distinct().ToList();

    /// <summary>The caller's staff record (教职工号); a teacher's classes are those it heads or teaches.</summary>
    public string CallerStaffNumber => Access.StaffNumber ?? "";

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        IndexResidentIds();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        IndexResidentIds();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>
    /// Keeps every blind index in step with its resident ID, here rather than at each place that sets an ID, so no
    /// write path can forget it (the bulk writer does the same for the rows it copies).
    /// </summary>
    private void IndexResidentIds()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries<IHasResidentId>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                var index = FieldEncryption.Index(entry.Entity.ResidentId);
                if (entry.Entity.ResidentIdIndex != index)
                {
                    entry.Entity.ResidentIdIndex = index;
                }
            }
        }
    }

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<SchoolProfile>(b =>
        {
            b.ToTable("school_profiles");
            b.HasIndex(p => p.OrgUnitId).IsUnique();
            b.Property(p => p.Address).HasMaxLength(300);
            b.Property(p => p.Phone).HasMaxLength(40);
            b.Property(p => p.Website).HasMaxLength(200);
        });

        builder.Entity<Campus>(b =>
        {
            b.ToTable("campuses");
            b.HasIndex(x => x.OrgUnitId);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.Address).HasMaxLength(300);
        });
        builder.Entity<SchoolClass>(b =>
        {
            b.ToTable("classes");
            b.HasIndex(x => new { x.OrgUnitId, x.Code }).IsUnique();
            b.Property(x => x.Code).HasMaxLength(32);
            b.Property(x => x.Name).HasMaxLength(64);
            b.Property(x => x.GradeCode).HasMaxLength(8);
        });
        builder.Entity<Student>(b =>
        {
            b.ToTable("students");
            b.HasIndex(x => x.StudentNumber).IsUnique();
            MapResidentId(b, ResidentIdLookup.Unique);
            b.HasIndex(x => new { x.OrgUnitId, x.Id });
            b.HasIndex(x => x.ClassId);
            b.Property(x => x.StudentNumber).HasMaxLength(32);
            b.Property(x => x.Name).HasMaxLength(64);
            b.Property(x => x.GenderCode).HasMaxLength(2);
            b.Property(x => x.EthnicityCode).HasMaxLength(2);
            b.Property(x => x.HukouDivisionCode).HasMaxLength(6);
            b.Property(x => x.Address).HasMaxLength(200);
            b.Property(x => x.StatusCode).HasMaxLength(2);
            b.Property(x => x.CategoryCode).HasMaxLength(2);
        });
        // A teacher's students: in a class whose head teacher is the caller's staff record, or that it teaches. The
        // filter is written out for each kind (EF Core cannot call a helper inside a filter); no staff number, no class.
        builder.Entity<Student>().HasQueryFilter(OwnClassesFilter, s => !ReadsOwnClassesOnly
            || Set<OrgClosure>().Any(c => WholeStudentRoots.Contains(c.AncestorId) && c.DescendantId == s.OrgUnitId)
            || (s.ClassId != null && Set<SchoolClass>().Any(k => k.Id == s.ClassId
                && (Set<Staff>().Any(t => t.Id == k.HeadTeacherId && t.StaffNumber == CallerStaffNumber)
                    || Set<TeachingAssignment>().Any(a => a.ClassId == k.Id && Set<Staff>().Any(t => t.Id == a.StaffId && t.StaffNumber == CallerStaffNumber))))));
        builder.Entity<Guardian>().HasQueryFilter(OwnClassesFilter, g => !ReadsOwnClassesOnly
            || Set<OrgClosure>().Any(c => WholeStudentRoots.Contains(c.AncestorId) && c.DescendantId == g.OrgUnitId)
            || Set<Student>().Any(s => s.Id == g.StudentId && s.ClassId != null && Set<SchoolClass>().Any(k => k.Id == s.ClassId
                && (Set<Staff>().Any(t => t.Id == k.HeadTeacherId && t.StaffNumber == CallerStaffNumber)
                    || Set<TeachingAssignment>().Any(a => a.ClassId == k.Id && Set<Staff>().Any(t => t.Id == a.StaffId && t.StaffNumber == CallerStaffNumber))))));
        builder.Entity<Enrolment>().HasQueryFilter(OwnClassesFilter, e => !ReadsOwnClassesOnly
            || Set<OrgClosure>().Any(c => WholeStudentRoots.Contains(c.AncestorId) && c.DescendantId == e.OrgUnitId)
            || Set<Student>().Any(s => s.Id == e.StudentId && s.ClassId != null && Set<SchoolClass>().Any(k => k.Id == s.ClassId
                && (Set<Staff>().Any(t => t.Id == k.HeadTeacherId && t.StaffNumber == CallerStaffNumber)
                    || Set<TeachingAssignment>().Any(a => a.ClassId == k.Id && Set<Staff>().Any(t => t.Id == a.StaffId && t.StaffNumber == CallerStaffNumber))))));
        builder.Entity<StaffPosting>(b =>
        {
            b.ToTable("staff_postings");
            b.HasIndex(x => x.StaffId);
            b.HasIndex(x => new { x.OrgUnitId, x.Id });
            b.Property(x => x.Reason).HasMaxLength(20);
        });
        builder.Entity<TeachingAssignment>(b =>
        {
            b.ToTable("teaching_assignments");
            b.HasIndex(x => new { x.ClassId, x.StaffId, x.Subject }).IsUnique();
            b.HasIndex(x => x.StaffId);
            b.HasIndex(x => new { x.OrgUnitId, x.Id });
            b.Property(x => x.Subject).HasMaxLength(20);
        });
        builder.Entity<Guardian>(b =>
        {
            b.ToTable("guardians");
            b.HasIndex(x => x.StudentId);
            b.HasIndex(x => new { x.OrgUnitId, x.Id });
            b.Property(x => x.Name).HasMaxLength(64);
            b.Property(x => x.RelationCode).HasMaxLength(2);
            b.Property(x => x.Phone).HasMaxLength(20);
            // Nothing looks a guardian up by resident ID, and two million rows of a random 64-character key made a
            // city-scale import a third slower: the index value is kept, without a database index.
            MapResidentId(b, ResidentIdLookup.None);
            b.Property(x => x.Employer).HasMaxLength(100);
        });
        builder.Entity<Enrolment>(b =>
        {
            b.ToTable("enrolments");
            b.HasIndex(x => new { x.StudentId, x.From });
            b.HasIndex(x => new { x.OrgUnitId, x.Id });
            b.Property(x => x.EntryReasonCode).HasMaxLength(2);
            b.Property(x => x.ExitReasonCode).HasMaxLength(2);
        });
        builder.Entity<Staff>(b =>
        {
            b.ToTable("staff");
            b.HasIndex(x => x.StaffNumber).IsUnique();
            b.HasIndex(x => new { x.OrgUnitId, x.Id });
            b.Property(x => x.StaffNumber).HasMaxLength(32);
            b.Property(x => x.Name).HasMaxLength(64);
            b.Property(x => x.GenderCode).HasMaxLength(2);
            MapResidentId(b, ResidentIdLookup.Indexed);
            b.Property(x => x.QualificationCode).HasMaxLength(4);
            b.Property(x => x.TitleCode).HasMaxLength(4);
            b.Property(x => x.Subjects).HasMaxLength(100);
            b.Property(x => x.PostCode).HasMaxLength(4);
            b.Property(x => x.EmploymentTypeCode).HasMaxLength(4);
            b.Property(x => x.Phone).HasMaxLength(20);
        });
        builder.Entity<Asset>(b =>
        {
            b.ToTable("assets");
            b.HasIndex(x => new { x.OrgUnitId, x.AssetNumber }).IsUnique();
            b.Property(x => x.AssetNumber).HasMaxLength(40);
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.CategoryCode).HasMaxLength(4);
            b.Property(x => x.Value).HasPrecision(14, 2);
        });
        builder.Entity<Change>(b =>
        {
            b.ToTable("changes");
            b.HasKey(x => x.Version);
            b.Property(x => x.Version).ValueGeneratedNever();
            b.Property(x => x.EntityType).HasMaxLength(32);
        });
        builder.Entity<ChangeHead>(b =>
        {
            b.ToTable("change_head");
            b.Property(x => x.Id).ValueGeneratedNever();
            b.HasData(new ChangeHead { Id = 1, LastVersion = 0 });
        });
        builder.Entity<MirrorCursor>(b =>
        {
            b.ToTable("mirror_cursors");
            b.HasKey(x => new { x.Source, x.ClientId });
            b.Property(x => x.Source).HasMaxLength(300);
            b.Property(x => x.ClientId).HasMaxLength(100);
        });
        builder.Entity<ImportJobRow>(b =>
        {
            b.ToTable("import_jobs");
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.OwnerKey, x.StartedAt });
            b.Property(x => x.OwnerKey).HasMaxLength(200);
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.FileName).HasMaxLength(300);
            b.Property(x => x.Phase).HasMaxLength(20);
            b.Property(x => x.Failure).HasMaxLength(2000);
        });
        builder.Entity<ImportHistoryEntry>(b =>
        {
            b.ToTable("import_history");
            b.HasKey(x => x.Id);
            b.HasIndex(x => new { x.OwnerKey, x.StartedAt });
            b.Property(x => x.OwnerKey).HasMaxLength(200);
            b.Property(x => x.OwnerName).HasMaxLength(200);
            b.Property(x => x.Kind).HasMaxLength(20);
            b.Property(x => x.FileName).HasMaxLength(300);
            b.Property(x => x.Outcome).HasMaxLength(20);
        });
        RegistryRecords.Configure(builder, isPostgres);
    }

    /// <summary>
    /// The resident ID is stored only encrypted (AES-GCM, random nonce, so equal IDs differ on disk); equality, uniqueness
    /// and look-ups use its blind index instead. A query comparing the encrypted column would silently find nothing.
    /// </summary>
    private void MapResidentId<T>(EntityTypeBuilder<T> b, ResidentIdLookup lookup)
        where T : class, IHasResidentId
    {
        b.Property<string?>(nameof(IHasResidentId.ResidentId)).HasColumnName("resident_id_encrypted").HasConversion((ValueConverter)FieldEncryption.Converter);
        b.Property<string?>(nameof(IHasResidentId.ResidentIdIndex)).HasMaxLength(64);
        if (lookup != ResidentIdLookup.None)
        {
            b.HasIndex(nameof(IHasResidentId.ResidentIdIndex)).IsUnique(lookup == ResidentIdLookup.Unique);
        }
    }

    private enum ResidentIdLookup
    {
        /// <summary>No database index (the blind index is still written, for a look-up added later).</summary>
        None,
        Indexed,
        Unique,
    }
}

internal sealed class RegistryDbSqlite(DbContextOptions<RegistryDbSqlite> options)
    : RegistryDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class RegistryDbPostgres(DbContextOptions<RegistryDbPostgres> options)
    : RegistryDb(options)
{
    protected override bool IsPostgres => true;
}
