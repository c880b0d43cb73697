package com.webinar.billing.model;

import com.webinar.billing.core.Role;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

@Entity
@Table(name = "app_user")
public class UserEntity {
    @Id
    public String id;

    @Column(name = "account_id")
    public String accountId;

    @Enumerated(EnumType.STRING)
    public Role role;

    @Column(name = "sub_account_id")
    public UUID subAccountId;

    public String name;
}
