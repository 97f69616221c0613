using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Exams.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class FiguresWithoutExamKey : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "fk_figures_exams_exam_id",
                schema: "exams",
                table: "figures");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddForeignKey(
                name: "fk_figures_exams_exam_id",
                schema: "exams",
                table: "figures",
                column: "exam_id",
                principalSchema: "exams",
                principalTable: "exams",
                principalColumn: "id",
                onDelete: ReferentialAction.Cascade);
        }
    }
}
