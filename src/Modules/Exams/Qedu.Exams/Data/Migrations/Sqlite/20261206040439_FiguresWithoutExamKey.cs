using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Exams.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class FiguresWithoutExamKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_exams_figures_exams_exams_exam_id",
                table: "exams_figures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_exams_figures_exams_exams_exam_id",
                table: "exams_figures",
                column: "exam_id",
                principalTable: "exams_exams",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
