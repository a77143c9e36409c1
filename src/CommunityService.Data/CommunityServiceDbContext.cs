using CommunityService.Data.Auditing;
using CommunityService.Data.Cases;
using CommunityService.Data.Catalog;
using CommunityService.Data.Communities;
using CommunityService.Data.Decisions;
using CommunityService.Data.Evaluations;
using CommunityService.Data.Execution;
using CommunityService.Data.Identity;
using CommunityService.Data.Money;
using CommunityService.Data.Needs;
using CommunityService.Data.Participation;
using CommunityService.Data.Plans;
using CommunityService.Data.Privacy;
using CommunityService.Data.Projects;
using CommunityService.Data.Publicity;
using CommunityService.Data.Residents;
using CommunityService.Data.Surveys;
using CommunityService.Data.Volunteers;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace CommunityService.Data;

public class CommunityServiceDbContext(DbContextOptions<CommunityServiceDbContext> options, WriteGate? writeGate = null)
    : IdentityDbContext<ApplicationUser>(options), IDataProtectionKeyContext
{
    public DbSet<StreetOffice> StreetOffices => Set<StreetOffice>();
    public DbSet<Community> Communities => Set<Community>();
    public DbSet<ServiceType> ServiceTypes => Set<ServiceType>();
    public DbSet<ServiceProject> Projects => Set<ServiceProject>();
    public DbSet<StageChange> StageChanges => Set<StageChange>();
    public DbSet<NeedFinding> Needs => Set<NeedFinding>();
    public DbSet<ProjectDecision> Decisions => Set<ProjectDecision>();
    public DbSet<ServicePlan> Plans => Set<ServicePlan>();
    public DbSet<PlanObjective> PlanObjectives => Set<PlanObjective>();
    public DbSet<PlanBudgetLine> PlanBudgetLines => Set<PlanBudgetLine>();
    public DbSet<ProjectOpinion> Opinions => Set<ProjectOpinion>();
    public DbSet<Notice> Notices => Set<Notice>();
    public DbSet<NoticeChannel> NoticeChannels => Set<NoticeChannel>();
    public DbSet<ServiceSession> Sessions => Set<ServiceSession>();
    public DbSet<SignUp> SignUps => Set<SignUp>();
    public DbSet<HomeVisitRequest> HomeVisitRequests => Set<HomeVisitRequest>();
    public DbSet<ResidentProfile> ResidentProfiles => Set<ResidentProfile>();
    public DbSet<ConsentRecord> ConsentRecords => Set<ConsentRecord>();
    public DbSet<ProjectTask> Tasks => Set<ProjectTask>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<PlanAdjustment> Adjustments => Set<PlanAdjustment>();
    public DbSet<ServiceFeedback> Feedback => Set<ServiceFeedback>();
    public DbSet<VolunteerProfile> VolunteerProfiles => Set<VolunteerProfile>();
    public DbSet<Shift> Shifts => Set<Shift>();
    public DbSet<Expense> Expenses => Set<Expense>();
    public DbSet<FeeIncome> FeeIncome => Set<FeeIncome>();
    public DbSet<CaseFile> CaseFiles => Set<CaseFile>();
    public DbSet<CaseAssignment> CaseAssignments => Set<CaseAssignment>();
    public DbSet<CaseNote> CaseNotes => Set<CaseNote>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<ServiceRecord> ServiceRecords => Set<ServiceRecord>();
    public DbSet<EvaluationReport> Evaluations => Set<EvaluationReport>();
    public DbSet<CommunityProfile> CommunityProfiles => Set<CommunityProfile>();
    public DbSet<Survey> Surveys => Set<Survey>();
    public DbSet<SurveyQuestion> SurveyQuestions => Set<SurveyQuestion>();
    public DbSet<QuestionOption> QuestionOptions => Set<QuestionOption>();
    public DbSet<SurveyResponse> SurveyResponses => Set<SurveyResponse>();
    public DbSet<SurveyAnswer> SurveyAnswers => Set<SurveyAnswer>();
    public DbSet<FieldNote> FieldNotes => Set<FieldNote>();
    public DbSet<NeedEvidence> NeedEvidence => Set<NeedEvidence>();
    public DbSet<PrivacyRequest> PrivacyRequests => Set<PrivacyRequest>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    /// <summary>Decided once for every provider: date-times are stored and read as UTC (<see cref="UtcDateTimeConverter"/>).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CommunityServiceDbContext).Assembly);

        foreach (var entity in builder.Model.GetEntityTypes().Where(e => typeof(IVersioned).IsAssignableFrom(e.ClrType)))
        {
            builder.Entity(entity.ClrType).Property(nameof(IVersioned.Version)).IsConcurrencyToken();
        }

        // A value finer than its column (2.345 in a column of two places) is stored rounded half away from zero on every
        // provider: SQL Server and PostgreSQL would round it themselves (each its own way), SQLite would keep the text as it came.
        foreach (var property in builder.Model.GetEntityTypes().SelectMany(e => e.GetDeclaredProperties())
            .Where(p => (Nullable.GetUnderlyingType(p.ClrType) ?? p.ClrType) == typeof(decimal)))
        {
            if (property.GetScale() is { } scale)
            {
                property.SetValueConverter(new ValueConverter<decimal, decimal>(v => Math.Round(v, scale, MidpointRounding.AwayFromZero), v => v));
            }
        }
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        BumpVersions();
        return writeGate is null
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : writeGate.Run(() => base.SaveChanges(acceptAllChangesOnSuccess));
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        BumpVersions();
        return writeGate is null
            ? base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken)
            : writeGate.RunAsync(() => base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken), cancellationToken);
    }

    private void BumpVersions()
    {
        foreach (var entry in ChangeTracker.Entries<IVersioned>())
        {
            if (entry.State == EntityState.Modified)
            {
                entry.Entity.Version++;
            }
        }
    }
}
