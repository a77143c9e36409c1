using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationReportConfiguration : IEntityTypeConfiguration<EvaluationReport>
{
    public void Configure(EntityTypeBuilder<EvaluationReport> builder)
    {
        builder.Property(e => e.Timing).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(e => e.Summary).HasMaxLength(EvaluationReport.TextMaxLength);
        builder.Property(e => e.Improvements).HasMaxLength(EvaluationReport.TextMaxLength);
        builder.Property(e => e.CreatedById).HasMaxLength(450);
        builder.Property(e => e.ReviewedById).HasMaxLength(450);
        builder.Property(e => e.ReviewComment).HasMaxLength(EvaluationReport.TextMaxLength);
    }
}
