using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CommunityService.Data.Surveys;

internal sealed class FieldNoteConfiguration : IEntityTypeConfiguration<FieldNote>
{
    public void Configure(EntityTypeBuilder<FieldNote> builder)
    {
        builder.Property(n => n.Kind).HasConversion<string>().HasMaxLength(20);
        builder.Property(n => n.Who).HasMaxLength(FieldNote.ShortMaxLength);
        builder.Property(n => n.Where).HasMaxLength(FieldNote.ShortMaxLength);
        builder.Property(n => n.Content).HasMaxLength(FieldNote.ContentMaxLength).IsRequired();
        builder.Property(n => n.RecordedById).HasMaxLength(450);
        builder.HasOne<Survey>().WithMany().HasForeignKey(n => n.SurveyId);
        builder.HasOne(n => n.Community).WithMany().HasForeignKey(n => n.CommunityId).OnDelete(DeleteBehavior.Restrict);
    }
}
