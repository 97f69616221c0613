using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Exams.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ExamItems : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "exams_items",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    exam_id = table.Column<int>(type: "INTEGER", nullable: false),
                    subject = table.Column<short>(type: "INTEGER", nullable: false),
                    number = table.Column<short>(type: "INTEGER", nullable: false),
                    label = table.Column<string>(type: "TEXT", maxLength: 10, nullable: false),
                    full_marks = table.Column<double>(type: "REAL", nullable: false),
                    count = table.Column<int>(type: "INTEGER", nullable: false),
                    difficulty = table.Column<double>(type: "REAL", nullable: false),
                    discrimination = table.Column<double>(type: "REAL", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_exams_items", x => x.id);
                    table.ForeignKey(
                        name: "fk_exams_items_exams_exams_exam_id",
                        column: x => x.exam_id,
                        principalTable: "exams_exams",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_exams_items_exam_id_subject_number",
                table: "exams_items",
                columns: new[] { "exam_id", "subject", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "exams_items");
        }
    }
}
