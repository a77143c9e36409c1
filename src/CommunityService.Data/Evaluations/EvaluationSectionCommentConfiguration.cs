using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Evaluations;

internal sealed class EvaluationSectionCommentConfiguration : IEntityTypeConfiguration<EvaluationSectionComment>
{
    public void Configure(EntityTypeBuilder<EvaluationSectionComment> builder)
    {
        builder.Property(c => c.Section).HasConversion<string>().HasMaxLength(20);
        builder.Property(c => c.Text).HasMaxLength(EvaluationSectionComment.TextMaxLength);
    }
}
