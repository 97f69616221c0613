using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Qedu.StudentServices.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class TransferInAndMaterials : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "certificate_hash",
                schema: "services",
                table: "status_changes");

            migrationBuilder.AlterColumn<long>(
                name: "student_id",
                schema: "services",
                table: "status_changes",
                type: "bigint",
                nullable: true,
                oldClrType: typeof(long),
                oldType: "bigint");

            migrationBuilder.CreateTable(
                name: "change_materials",
                schema: "services",
                columns: table => new
                {
                    id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    change_id = table.Column<long>(type: "bigint", nullable: false),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    file_name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    media_type = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    length = table.Column<long>(type: "bigint", nullable: false),
                    file_hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    uploaded_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    uploaded_by = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_change_materials", x => x.id);
                    table.ForeignKey(
                        name: "fk_change_materials_status_changes_change_id",
                        column: x => x.change_id,
                        principalSchema: "services",
                        principalTable: "status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "incoming_children",
                schema: "services",
                columns: table => new
                {
                    change_id = table.Column<long>(type: "bigint", nullable: false),
                    gender_code = table.Column<string>(type: "character varying(2)", maxLength: 2, nullable: false),
                    birth_date = table.Column<DateOnly>(type: "date", nullable: false),
                    guardian_name = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false),
                    guardian_relation_code = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    guardian_phone = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_incoming_children", x => x.change_id);
                    table.ForeignKey(
                        name: "fk_incoming_children_status_changes_change_id",
                        column: x => x.change_id,
                        principalSchema: "services",
                        principalTable: "status_changes",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_status_changes_one_open_per_number",
                schema: "services",
                table: "status_changes",
                column: "student_number",
                unique: true,
                filter: "state IN ('UnderReview', 'Returned')");

            migrationBuilder.CreateIndex(
                name: "ix_change_materials_change_id",
                schema: "services",
                table: "change_materials",
                column: "change_id");

            migrationBuilder.CreateIndex(
                name: "ix_change_materials_file_hash",
                schema: "services",
                table: "change_materials",
                column: "file_hash");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "change_materials",
                schema: "services");

            migrationBuilder.DropTable(
                name: "incoming_children",
                schema: "services");

            migrationBuilder.DropIndex(
                name: "ix_status_changes_one_open_per_number",
                schema: "services",
                table: "status_changes");

            migrationBuilder.AlterColumn<long>(
                name: "student_id",
                schema: "services",
                table: "status_changes",
                type: "bigint",
                nullable: false,
                defaultValue: 0L,
                oldClrType: typeof(long),
                oldType: "bigint",
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "certificate_hash",
                schema: "services",
                table: "status_changes",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);
        }
    }
}
