using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.Exams.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ExamRelease : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "released_at",
                schema: "exams",
                table: "exams",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "released_by",
                schema: "exams",
                table: "exams",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "released_at",
                schema: "exams",
                table: "exams");

            migrationBuilder.DropColumn(
                name: "released_by",
                schema: "exams",
                table: "exams");
        }
    }
}
