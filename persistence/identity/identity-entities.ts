import { ManagerAssignmentEntity } from './manager-assignment.entity';
import { RefreshTokenEntity, RefreshTokenFamilyEntity } from './refresh-token.entity';
import { SellerProfileEntity } from './seller-profile.entity';
import { UserEntity } from './user.entity';

export const identityEntities = [
  UserEntity,
  SellerProfileEntity,
  ManagerAssignmentEntity,
  RefreshTokenFamilyEntity,
  RefreshTokenEntity,
];
