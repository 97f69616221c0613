using Microsoft.EntityFrameworkCore;
using Qedu.Kernel.Persistence;
using Qedu.Surveys.Domain;

namespace Qedu.Surveys.Data;

/// <summary>The surveys' own data (questionnaires, surveys, their schools, one-time links, anonymous responses and their comments), in its own schema ("surveys") or table prefix.</summary>
internal abstract class SurveysDb(DbContextOptions options) : ModuleDbContext(options, Module)
{
    public const string Module = "surveys";

    public DbSet<Questionnaire> Questionnaires => Set<Questionnaire>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveySchool> Schools => Set<SurveySchool>();
    public DbSet<SurveyToken> Tokens => Set<SurveyToken>();
    public DbSet<SurveyResponse> Responses => Set<SurveyResponse>();
    public DbSet<SurveyComment> Comments => Set<SurveyComment>();

    protected override void OnModuleModelCreating(ModelBuilder builder, bool isPostgres)
    {
        builder.Entity<Questionnaire>(b =>
        {
            b.ToTable("questionnaires");
            b.Property(x => x.Code).HasMaxLength(40);
            b.HasIndex(x => x.Code).IsUnique();
            b.Property(x => x.Title).HasMaxLength(100);
            b.Property(x => x.TitleEn).HasMaxLength(150);
        });
        builder.Entity<Survey>(b =>
        {
            b.ToTable("surveys");
            b.Property(x => x.Code).HasMaxLength(30);
            b.HasIndex(x => x.Code).IsUnique();
            b.Property(x => x.Name).HasMaxLength(100);
            b.Property(x => x.CreatedBy).HasMaxLength(100);
            b.HasOne<Questionnaire>().WithMany().HasForeignKey(x => x.QuestionnaireId).OnDelete(DeleteBehavior.Restrict);
        });
        builder.Entity<SurveySchool>(b =>
        {
            b.ToTable("survey_schools");
            b.HasKey(x => new { x.SurveyId, x.SchoolId });
            b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SurveyToken>(b =>
        {
            b.ToTable("tokens");
            b.Property(x => x.Hash).HasMaxLength(64);
            b.HasIndex(x => x.Hash).IsUnique();
            b.HasIndex(x => new { x.SurveyId, x.SchoolId });
            b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SurveyResponse>(b =>
        {
            b.ToTable("responses");
            b.Property(x => x.Values).HasMaxLength(40);
            b.HasIndex(x => new { x.SurveyId, x.SchoolId });
            b.HasOne<Survey>().WithMany().HasForeignKey(x => x.SurveyId).OnDelete(DeleteBehavior.Cascade);
        });
        builder.Entity<SurveyComment>(b =>
        {
            b.ToTable("comments");
            b.Property(x => x.Text).HasMaxLength(500);
            b.HasIndex(x => new { x.SurveyId, x.SchoolId });
            b.HasOne<SurveyResponse>().WithMany().HasForeignKey(x => x.ResponseId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}

internal sealed class SurveysDbSqlite(DbContextOptions<SurveysDbSqlite> options) : SurveysDb(options)
{
    protected override bool IsPostgres => false;
}

internal sealed class SurveysDbPostgres(DbContextOptions<SurveysDbPostgres> options) : SurveysDb(options)
{
    protected override bool IsPostgres => true;
}
