using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Exams.Domain;

namespace Qedu.Exams.Data;

/// <summary>The exams' own data (exams, candidates, scores, the computed figures, value-added runs), in its own schema ("exams") or table prefix.</summary>
internal abstract class ExamsDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "exams";

    public DbSet<Exam> Exams => Set<Exam>();
    public DbSet<ExamSubject> Subjects => Set<ExamSubject>();
    public DbSet<ExamCandidate> Candidates => Set<ExamCandidate>();
    public DbSet<ExamScore> Scores => Set<ExamScore>();
    public DbSet<ExamFigure> Figures => Set<ExamFigure>();
    public DbSet<ValueAddedRun> ValueAddedRuns => Set<ValueAddedRun>();
    public DbSet<ValueAddedSchool> ValueAddedSchools => Set<ValueAddedSchool>();
    public DbSet<ExamItem> Items => Set<ExamItem>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Exam>(b =>
        {
            b.ToTable("exams");
            b.Property(x => x.Code).HasMaxLength(30);
            b.HasIndex(x => x.Code).IsUnique();
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.ImportedBy).HasMaxLength(100);
            b.Property(x => x.ReleasedBy).HasMaxLength(100);
            b.Property(x => x.Revision).IsConcurrencyToken();
        });
        builder.Entity<ExamSubject>(b =>
        {
            b.ToTable("subjects");
            b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.ExamId, x.Number }).IsUnique();
            b.HasIndex(x => new { x.ExamId, x.Name }).IsUnique();
            b.Property(x => x.Name).HasMaxLength(20);
        });
        builder.Entity<ExamCandidate>(b =>
        {
            b.ToTable("candidates");
            b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.ExamId, x.StudentId }).IsUnique();
            // A student's history across exams (the support list).
            b.HasIndex(x => x.StudentId);
            b.HasIndex(x => new { x.ExamId, x.OrgUnitId });
            b.Property(x => x.StudentNumber).HasMaxLength(30);
            b.Property(x => x.ClassName).HasMaxLength(50);
            b.Property(x => x.GradeCode).HasMaxLength(10);
        });
        builder.Entity<ExamScore>(b =>
        {
            b.ToTable("scores");
            // One index, the key: it makes a student-subject unique and finds an exam's scores. No foreign key to the
            // candidate: its check (and a cascade needing an index on candidate_id) would cost every row; scores go with
            // their exam, by this key's prefix.
            b.HasKey(x => new { x.ExamId, x.CandidateId, x.Subject });
            b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<ExamFigure>(b =>
        {
            b.ToTable("figures");
            // No foreign key to the exam: the figures are derived, and the analyser replaces all of an exam's at once
            // (40,000 rows for a city's), where the key's check on every row cost half the write (bench/exams). Exams are
            // never deleted by Qedu; whatever deletes one deletes its figures first (as bench/exams does).
            b.HasIndex(x => new { x.ExamId, x.Level, x.OrgUnitId, x.ClassId, x.Subject });
            b.HasIndex(x => new { x.ExamId, x.AboveUnitId });
            b.Property(x => x.Level).HasConversion<short>();
            b.Property(x => x.ClassName).HasMaxLength(50);
            b.Property(x => x.Bands).HasMaxLength(200);
        });
        builder.Entity<ValueAddedRun>(b =>
        {
            b.ToTable("value_added_runs");
            b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
            b.HasOne<Exam>().WithMany().HasForeignKey(x => x.PriorExamId).OnDelete(DeleteBehavior.Restrict);
            b.HasIndex(x => new { x.ExamId, x.PriorExamId, x.Subject });
            b.Property(x => x.Subject).HasMaxLength(20);
            b.Property(x => x.ComputedBy).HasMaxLength(100);
        });
        builder.Entity<ExamItem>(b =>
        {
            b.ToTable("items");
            b.Property(x => x.Label).HasMaxLength(10);
            b.HasOne<Exam>().WithMany().HasForeignKey(x => x.ExamId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.ExamId, x.Subject, x.Number }).IsUnique();
        });
        builder.Entity<ValueAddedSchool>(b =>
        {
            b.ToTable("value_added_schools");
            b.HasOne<ValueAddedRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Cascade);
            b.HasIndex(x => new { x.RunId, x.OrgUnitId }).IsUnique();
        });
    }
}

internal sealed class ExamsDbSqlite(DbContextOptions<ExamsDbSqlite> options) : ExamsDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class ExamsDbPostgres(DbContextOptions<ExamsDbPostgres> options) : ExamsDb(options)
{
    protected override bool IsPostgres => true;
}
