using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationReportConfiguration : IEntityTypeConfiguration<EvaluationReport>
{
    public void Configure(EntityTypeBuilder<EvaluationReport> builder)
    {
        builder.Property(e => e.Timing).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.OtherMeans).HasMaxLength(EvaluationReport.OtherMeansMaxLength);
        builder.Property(e => e.Summary).HasMaxLength(EvaluationReport.TextMaxLength);
        builder.Property(e => e.Improvements).HasMaxLength(EvaluationReport.TextMaxLength);
        builder.Property(e => e.CreatedById).HasMaxLength(450);
        builder.Property(e => e.ReviewedById).HasMaxLength(450);
        builder.Property(e => e.ReviewComment).HasMaxLength(EvaluationReport.TextMaxLength);
        builder.Property(e => e.FeeIncome).HasPrecision(12, 2);
        // A correction keeps the report it corrects: approved reports are never deleted.
        builder.HasOne(e => e.Corrects).WithMany().HasForeignKey(e => e.CorrectsReportId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(e => e.Dimensions).WithOne().HasForeignKey(d => d.ReportId);
        builder.HasMany(e => e.Objectives).WithOne().HasForeignKey(o => o.ReportId);
        builder.HasMany(e => e.BudgetLines).WithOne().HasForeignKey(b => b.ReportId);
        builder.HasMany(e => e.Participation).WithOne().HasForeignKey(p => p.ReportId);
        builder.HasMany(e => e.SectionComments).WithOne().HasForeignKey(c => c.ReportId);
        builder.HasMany(e => e.Satisfaction).WithOne().HasForeignKey(s => s.ReportId);
        builder.HasMany(e => e.SatisfactionTallies).WithOne().HasForeignKey(t => t.ReportId);
        builder.HasOne<Surveys.Survey>().WithMany().HasForeignKey(e => e.SatisfactionSurveyId).OnDelete(DeleteBehavior.NoAction);
    }
}
