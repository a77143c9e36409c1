using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationDimensionScoreConfiguration : IEntityTypeConfiguration<EvaluationDimensionScore>
{
    public void Configure(EntityTypeBuilder<EvaluationDimensionScore> builder)
    {
        builder.Property(d => d.Dimension).HasConversion<string>().HasMaxLength(20);
        builder.Property(d => d.Narrative).HasMaxLength(EvaluationDimensionScore.NarrativeMaxLength);
        builder.HasIndex(d => new { d.ReportId, d.Dimension }).IsUnique();
    }
}
