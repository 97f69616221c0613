using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Qedu.StudentServices.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TransferInAndMaterials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "certificate_hash",
                table: "services_status_changes");

            migrationBuilder.AlterColumn<long>(
                name: "student_id",
                table: "services_status_changes",
                type: "INTEGER",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "INTEGER");

            migrationBuilder.CreateTable(
                name: "services_change_materials",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    change_id = table.Column<long>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    media_type = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "INTEGER", nullable: false),
                    file_hash = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<long>(type: "INTEGER", nullable: false),
                    uploaded_by = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_change_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_services_change_materials_status_changes_change_id",
                        column: x => x.change_id,
                        principalTable: "services_status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "services_incoming_children",
                columns: table => new
                {
                    change_id = table.Column<long>(type: "INTEGER", nullable: false),
                    gender_code = table.Column<string>(type: "TEXT", maxLength: 2, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    guardian_name = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    guardian_relation_code = table.Column<string>(type: "TEXT", maxLength: 4, nullable: false),
                    guardian_phone = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_services_incoming_children", x => x.change_id);
                    table.ForeignKey(
                        name: "fk_services_incoming_children_status_changes_change_id",
                        column: x => x.change_id,
                        principalTable: "services_status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_one_open_per_number",
                table: "services_status_changes",
                column: "student_number",
                unique: true,
                filter: "state IN ('UnderReview', 'Returned')");

            migrationBuilder.CreateIndex(
                name: "ix_services_change_materials_change_id",
                table: "services_change_materials",
                column: "change_id");

            migrationBuilder.CreateIndex(
                name: "ix_services_change_materials_file_hash",
                table: "services_change_materials",
                column: "file_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "services_change_materials");

            migrationBuilder.DropTable(
                name: "services_incoming_children");

            migrationBuilder.DropIndex(
                name: "ix_status_changes_one_open_per_number",
                table: "services_status_changes");

            migrationBuilder.AlterColumn<long>(
                name: "student_id",
                table: "services_status_changes",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "INTEGER",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "certificate_hash",
                table: "services_status_changes",
                type: "TEXT",
                maxLength: 64,
                nullable: true);
        }
    }
}
