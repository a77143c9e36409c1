using CommunityService.Data.Surveys;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Needs;

internal sealed class NeedEvidenceConfiguration : IEntityTypeConfiguration<NeedEvidence>
{
    public void Configure(EntityTypeBuilder<NeedEvidence> builder)
    {
        builder.Property(e => e.Figure).HasMaxLength(NeedEvidence.FigureMaxLength);
        builder.HasOne<SurveyQuestion>().WithMany().HasForeignKey(e => e.QuestionId).OnDelete(DeleteBehavior.NoAction);
        builder.HasOne<FieldNote>().WithMany().HasForeignKey(e => e.FieldNoteId).OnDelete(DeleteBehavior.NoAction);
    }
}
